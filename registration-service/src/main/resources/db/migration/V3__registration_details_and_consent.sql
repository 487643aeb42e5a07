-- What the form asks beyond name and address, and what the seat and waitlist rules need.
alter table registration add column country text check (country ~ '^[A-Z]{2}$');
alter table registration add column organisation text;
-- The registrant's own zone, for their emails; rows from before it existed take the event's.
alter table registration add column time_zone text;
update registration r set time_zone = e.time_zone from catalogue_event e where e.id = r.event_id;
alter table registration alter column time_zone set not null;
-- When the registration entered its current state: the waitlist is served in this order.
alter table registration add column state_since timestamptz;
update registration set state_since = created_at;
alter table registration alter column state_since set not null;
-- How many times the person asked to be registered: each repeat sends the confirmation again.
alter table registration add column confirmation_requests integer not null default 1 check (confirmation_requests > 0);
alter table registration add constraint registration_language check (language in ('en', 'es'));

-- Seats taken and the waitlist's head are counted per event and state under the event's lock.
create index registration_event_state on registration (event_id, state, state_since);

-- One answer per organisation (the host and each supporter) the form asked about: the exact words
-- the person saw, whether they ticked the box, and when. Registering again replaces the answers.
create table registration_consent (
    registration_id uuid        not null references registration (id) on delete cascade,
    organisation    text        not null,
    wording         text        not null,
    given           boolean     not null,
    answered_at     timestamptz not null,
    primary key (registration_id, organisation)
);
