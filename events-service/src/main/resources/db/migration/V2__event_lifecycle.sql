-- What the later steps of an event's life add: the organiser's word on a reschedule or cancellation,
-- and after the event its recording and report-back.
alter table event add column notice text;
alter table event add column recording_url text;
alter table event add column report_back_url text;
