-- The read-only copy of the public events, filled from the events topic. The join URL is kept for
-- later emails from this side; it is never shown on a public page.
create table catalogue_event (
    id               uuid        primary key,
    version          bigint      not null,
    status           text        not null check (status in ('PUBLISHED', 'RESCHEDULED', 'COMPLETED', 'CANCELLED')),
    title            text        not null,
    starts_at        timestamptz not null,
    time_zone        text        not null,
    duration_minutes integer     not null check (duration_minutes > 0),
    join_url         text        not null
);

create index catalogue_event_starts_at on catalogue_event (starts_at);

-- One person's registration for one event. The address is kept as typed (trimmed) for writing to
-- them, and normalised for recognising a repeat: one registration per address and event.
create table registration (
    id               uuid        primary key,
    event_id         uuid        not null references catalogue_event (id),
    name             text        not null,
    email            text        not null,
    email_normalised text        not null,
    state            text        not null check (state in ('REGISTERED', 'WAITLISTED', 'PROMOTED', 'CANCELLED', 'ATTENDED', 'ERASED')),
    language         text        not null default 'en',
    created_at       timestamptz not null,
    constraint registration_one_per_email unique (event_id, email_normalised)
);
