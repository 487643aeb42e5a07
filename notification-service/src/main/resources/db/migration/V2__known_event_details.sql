-- The rest of the snapshot, for the emails to come: the organiser's word on a change, the links
-- published after the event, and the event's details.
alter table known_event add column notice text;
alter table known_event add column recording_url text;
alter table known_event add column report_back_url text;
alter table known_event add column details jsonb;
