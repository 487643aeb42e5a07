-- Everything an event page says beyond the time. Lists keep the organiser's order as JSON arrays;
-- the people in them can be offered again for the next event (see GET /api/people).
alter table event add column slug text;
update event set slug = id::text where slug is null;
alter table event alter column slug set not null;
alter table event add constraint event_slug_unique unique (slug);
alter table event add column summary text;
alter table event add column description_html text;
alter table event add column image_url text;
alter table event add column image_alt text;
alter table event add column livestream_url text;
alter table event add column host text;
alter table event add column supporters jsonb not null default '[]';
alter table event add column chair jsonb;
alter table event add column speakers jsonb not null default '[]';
alter table event add column capacity integer check (capacity > 0);
alter table event add column waitlist boolean not null default false;
alter table event add column reminder_minutes jsonb not null default '[1440, 60]';
alter table event add column languages jsonb not null default '["en"]';
