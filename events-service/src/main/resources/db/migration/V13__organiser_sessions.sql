-- An organiser's sessions (organiser.OrganiserSession): a sign-in starts one; its tokens name it (sid) and
-- live briefly; its refresh token, kept as a SHA-256 hash, makes new ones until the session's end. Signing
-- out, or a changed password, ends it at once, and every service then refuses its tokens.
create table organiser_session (
    id uuid primary key,
    organiser_id uuid not null references organiser (id) on delete cascade,
    started_at timestamptz not null,
    ends_at timestamptz not null,
    ended_at timestamptz,
    refresh_hash text not null unique
);
create index organiser_session_organiser on organiser_session (organiser_id);
create index organiser_session_ends on organiser_session (ends_at);
