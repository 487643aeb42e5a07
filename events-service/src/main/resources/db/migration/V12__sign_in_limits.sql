-- Fixed-window counters of sign-in attempts per account and per client address (organiser.SignInLimits,
-- through contracts' limits.RateLimits). The subject is an HMAC of the address typed or the client's
-- address, never the address itself.
create table rate_window (
    subject text not null,
    window_start timestamptz not null,
    hits integer not null,
    primary key (subject, window_start)
);
create index rate_window_start on rate_window (window_start);
