-- What the public page shows beyond the time (snapshot details), the organiser's word on the latest
-- change, and the links published after the event.
alter table catalogue_event add column notice text;
alter table catalogue_event add column recording_url text;
alter table catalogue_event add column report_back_url text;
alter table catalogue_event add column details jsonb;
