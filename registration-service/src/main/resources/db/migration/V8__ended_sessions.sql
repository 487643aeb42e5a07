-- Organisers' sessions that ended before their time, from the sessions topic (organiser.EndedSessions):
-- their tokens are refused here until they would have expired anyway, and then the row is deleted.
create table ended_session (
    session_id uuid primary key,
    tokens_valid_until timestamptz not null
);
create index ended_session_until on ended_session (tokens_valid_until);
