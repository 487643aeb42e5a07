-- Registrations whose person asked to be forgotten: only the id, so that a message about them that
-- arrives later (redelivered, or read again after a reset) schedules nothing.
create table erased_registration (
    registration_id uuid        primary key,
    erased_at       timestamptz not null
);
