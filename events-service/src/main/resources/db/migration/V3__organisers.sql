-- Organisers sign in with their address and a password; only a bcrypt hash of it is kept.
create table organiser (
    id            uuid        primary key,
    email         text        not null unique,
    name          text        not null,
    password_hash text        not null,
    created_at    timestamptz not null
);
