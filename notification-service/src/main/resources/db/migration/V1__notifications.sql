-- What this service knows of each public event, from the snapshots on the events topic.
create table known_event (
    id               uuid        primary key,
    version          bigint      not null,
    status           text        not null,
    title            text        not null,
    starts_at        timestamptz not null,
    time_zone        text        not null,
    duration_minutes integer     not null,
    join_url         text        not null
);

-- The email schedule. A row is the promise of one email; its idempotency key makes a repeated
-- request a no-op, and its status records the send before the send counts as done.
create table scheduled_email (
    id              uuid        primary key,
    idempotency_key text        not null unique,
    kind            text        not null,
    registration_id uuid        not null,
    event_id        uuid        not null,
    recipient_name  text        not null,
    recipient_email text        not null,
    language        text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    due_at          timestamptz not null,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz not null
);

-- The dispatcher's question: which pending emails are due?
create index scheduled_email_status_due on scheduled_email (status, due_at);
