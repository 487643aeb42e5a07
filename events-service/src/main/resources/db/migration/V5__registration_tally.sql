-- Each registration's latest state, from the registrations topic, to count them per event. No name,
-- no address: personal data stays in registration-service and notification-service.
create table registration_tally (
    registration_id uuid        primary key,
    event_id        uuid        not null,
    state           text        not null,
    occurred_at     timestamptz not null
);

create index registration_tally_event on registration_tally (event_id);
