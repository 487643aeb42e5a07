-- A proof-of-work solution is good once: its challenge's signature is kept until the challenge would
-- have expired anyway (bots.ProofOfWork).
create table spent_challenge (
    signature text primary key,
    expires_at timestamptz not null
);
create index spent_challenge_expires on spent_challenge (expires_at);

-- Fixed-window counters of registrations per address and per email (bots.RateLimits). The subject is
-- an HMAC of the address or email, never the address or email itself.
create table rate_window (
    subject text not null,
    window_start timestamptz not null,
    hits integer not null,
    primary key (subject, window_start)
);
create index rate_window_start on rate_window (window_start);
