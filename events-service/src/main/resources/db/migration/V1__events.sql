-- An event's start is kept as the organiser typed it (wall-clock time) with its IANA zone, so that
-- a later change of the zone's rules cannot move it; the instant is derived when needed.
create table event (
    id               uuid        primary key,
    version          bigint      not null,
    status           text        not null check (status in ('DRAFT', 'PUBLISHED', 'RESCHEDULED', 'COMPLETED', 'CANCELLED')),
    title            text        not null,
    local_start      timestamp   not null,
    time_zone        text        not null,
    duration_minutes integer     not null check (duration_minutes > 0),
    join_url         text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create index event_local_start on event (local_start);
