-- When an email was given up on, and when it was sent once more on request (at most once: a request
-- takes only failed emails not resent before). Both null for every email until then.
alter table scheduled_email add column failed_at timestamptz;
alter table scheduled_email add column resent_at timestamptz;
-- Failed emails before this migration: given up on at their last due time, as near as is known.
update scheduled_email set failed_at = due_at where status = 'FAILED';
create index scheduled_email_failed on scheduled_email (event_id, failed_at) where status = 'FAILED';
