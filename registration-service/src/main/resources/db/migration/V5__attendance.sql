-- When the registrant first came in through their own joining link (registration.JoinPage): set once,
-- beside the state, which stays registered or promoted.
alter table registration add column attended_at timestamptz;
