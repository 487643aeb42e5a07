-- The scratch database's catalogue for registration.pgbench: :events published events, each with a host
-- and a supporter, as the scenarios' events. The capacity's value changes nothing in the statements (the
-- places taken are counted either way), so one that is never reached does for both scenarios.
-- Their ids are md5('event-' || n), which the pgbench script makes again from n.
insert into catalogue_event (id, version, status, title, starts_at, time_zone, duration_minutes, join_url, details)
select md5('event-' || n)::uuid, 1, 'PUBLISHED', 'Benchmark event ' || n, now() + interval '30 days',
       'Europe/London', 90, 'https://meet.example.org/benchmark-' || n,
       '{"capacity": 1000000, "waitlist": false, "host": "Friends of the Bench",
         "supporters": ["Load Testers United"]}'::jsonb
from generate_series(1, :events) as n;
