-- Who registered for which event, as the registrations topic tells it. Emails are written from here
-- when they are sent, so that a registrant who changed their language or zone meanwhile gets the latest.
create table recipient (
    registration_id uuid        primary key,
    event_id        uuid        not null,
    state           text        not null check (state in ('REGISTERED', 'WAITLISTED', 'PROMOTED', 'CANCELLED')),
    attended        boolean     not null default false,
    name            text        not null,
    email           text        not null,
    language        text        not null,
    time_zone       text,
    cancel_url      text,
    updated_at      timestamptz not null
);

-- Every email to an event's registrants (a new time, a cancellation, the follow-up) starts here.
create index recipient_event on recipient (event_id, state);

-- The schedule held a copy of the person; the recipient row takes its place.
insert into recipient (registration_id, event_id, state, name, email, language, updated_at)
select distinct on (registration_id) registration_id, event_id, 'REGISTERED', recipient_name, recipient_email,
       language, created_at
from scheduled_email
order by registration_id, created_at desc;

alter table scheduled_email drop column recipient_name;
alter table scheduled_email drop column recipient_email;
alter table scheduled_email drop column language;

-- A reminder remembers the start it was planned for and how long before it goes out, so that a new
-- time or a new schedule replaces the reminders still pending.
alter table scheduled_email add column planned_start timestamptz;
alter table scheduled_email add column minutes_before integer;

-- DROPPED: not sent on purpose (a reminder that could no longer go out before the start).
alter table scheduled_email drop constraint scheduled_email_status_check;
alter table scheduled_email add constraint scheduled_email_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'DROPPED'));

-- What is pending for an event, when it moves or is called off.
create index scheduled_email_event on scheduled_email (event_id, kind, status);
