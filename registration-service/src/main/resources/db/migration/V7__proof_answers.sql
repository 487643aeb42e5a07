-- A solution's first request and its answer: a repeat of that request (the same event and address, as
-- when a person presses Register again after a slow answer, or a client retries after a timeout or a 503)
-- is answered as the first was instead of being refused (bots.ProofOfWork). The address is kept as a
-- keyed hash, and only until the challenge would have expired anyway. Rows spent before this migration
-- have no request: a repeat of one is refused as used, as it was then.
alter table spent_challenge
    add column event_id uuid,
    add column subject text,
    add column registration_id uuid,
    add column already_registered boolean;
