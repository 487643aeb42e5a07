-- An organiser's messages to the registrants of a public event. A draft may be edited and tested
-- (tested_at: the last test of its current text); once sent it is kept as it went out. send_id is
-- the one request to send it, made on the first send, so that a repeated request sends nothing again.
create table mailing (
    id         uuid        primary key,
    event_id   uuid        not null references event (id),
    subject    text        not null,
    body       text        not null,
    audience   text        not null check (audience in ('REGISTERED', 'WAITLISTED', 'EVERYONE')),
    status     text        not null check (status in ('DRAFT', 'SENT')),
    send_id    uuid        unique,
    created_at timestamptz not null,
    tested_at  timestamptz,
    sent_at    timestamptz,
    check ((status = 'SENT') = (send_id is not null and sent_at is not null))
);

create index mailing_event on mailing (event_id, created_at);
