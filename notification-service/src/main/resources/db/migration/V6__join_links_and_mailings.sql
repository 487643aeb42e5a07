-- The registrant's own joining link (through registration-service, which records attendance).
alter table recipient add column join_url text;

-- Organisers' messages as requested: one row per request (a test, or the send to the registrants).
create table mailing (
    send_id      uuid        primary key,
    mailing_id   uuid        not null,
    event_id     uuid        not null,
    subject      text        not null,
    body         text        not null,
    audience     text        not null,
    test_to      text,
    requested_at timestamptz not null
);

-- Which request an organiser's message belongs to. A test has no registrant: its registration_id
-- is the request's own id.
alter table scheduled_email add column send_id uuid;
