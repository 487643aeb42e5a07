-- Whether the joining link waits for the reminders: some organisers would rather it were not in the
-- confirmation, which is easy to pass on weeks ahead. Off unless asked: the link in every email.
alter table event add column join_link_in_reminders boolean not null default false;
