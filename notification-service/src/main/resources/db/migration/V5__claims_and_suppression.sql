-- Sending is claimed, not locked: a dispatcher marks a batch SENDING until claimed_until, sends it
-- with no transaction open, then records each outcome. A replica that dies mid-batch leaves rows
-- whose claim runs out, and another takes them up again (the only window for a duplicate).
alter table scheduled_email add column claimed_until timestamptz;

-- BOUNCED: the server refused the address for good. SUPPRESSED: not sent, the address or the
-- registrant asked for no more of this kind.
alter table scheduled_email drop constraint scheduled_email_status_check;
alter table scheduled_email add constraint scheduled_email_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DROPPED', 'BOUNCED', 'SUPPRESSED'));

-- The dispatcher's questions, on the few rows that are still to do (sent rows pile up, and are not asked about).
drop index scheduled_email_status_due;
create index scheduled_email_due on scheduled_email (due_at) where status = 'PENDING';
create index scheduled_email_claimed on scheduled_email (claimed_until) where status = 'SENDING';

-- Addresses that get no more email of some kinds: BOUNCED (nothing at all: the address does not
-- exist) or UNSUBSCRIBED (everywhere: no reminders, follow-ups or organisers' messages). Kept as the
-- lower-case address, the form registration-service compares addresses in.
create table suppressed_address (
    email      text        primary key,
    reason     text        not null check (reason in ('BOUNCED', 'UNSUBSCRIBED')),
    created_at timestamptz not null
);

-- A registrant who unsubscribed from one event's messages.
alter table recipient add column unsubscribed boolean not null default false;
