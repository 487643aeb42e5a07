-- How many emails of each kind notification-service promised each event's registrants, and what
-- became of them, from the deliveries topic: counts only, never who. The kinds are the contracts'
-- and may grow, so they are not listed here; pending is promised less the outcomes.
create table email_tally (
    event_id   uuid    not null,
    kind       text    not null,
    promised   integer not null default 0,
    sent       integer not null default 0,
    failed     integer not null default 0,
    bounced    integer not null default 0,
    dropped    integer not null default 0,
    suppressed integer not null default 0,
    primary key (event_id, kind)
);

-- The deliveries messages already counted, by CloudEvents id: a redelivered one is seen here and
-- counted no more. Written in the transaction that counts it.
create table delivery_applied (
    message_id text        primary key,
    applied_at timestamptz not null default now()
);
