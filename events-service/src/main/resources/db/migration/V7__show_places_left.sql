-- Whether the public page says how many places are left: some organisers want the urgency, others
-- would rather not show a small number. Off unless asked.
alter table event add column show_places_left boolean not null default false;
