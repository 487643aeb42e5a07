-- Shared by every service (contracts): messages written with their state change, waiting for the relay.
create table outbox_message (
    id          bigint generated always as identity primary key,
    topic       text        not null,
    message_key text        not null,
    ce_id       uuid        not null,
    ce_type     text        not null,
    ce_source   text        not null,
    ce_time     timestamptz not null,
    payload     text        not null
);
