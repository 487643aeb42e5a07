-- How many registrations reached each state in each minute, per event: the organiser's chart of
-- registrations over time. Counts only, like registration_tally.
create table registration_activity (
    event_id uuid        not null,
    minute   timestamptz not null,
    state    text        not null,
    count    integer     not null,
    primary key (event_id, minute, state)
);
