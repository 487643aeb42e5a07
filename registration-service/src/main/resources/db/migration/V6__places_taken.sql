-- Places taken per event, kept by the database as registrations change, so that the capacity check under
-- the event's lock reads one row instead of counting the event's registrations: with thousands registered
-- for one event, that count grew with every registration and held the lock the whole time (issue 7).
-- A trigger rather than the service keeps it, so that no path that moves, inserts or deletes a
-- registration can forget it. Every such path holds the event's lock (registration.Registrar), so the
-- counts of one event change one at a time.
create table event_places (
    event_id uuid    primary key references catalogue_event (id),
    taken    integer not null check (taken >= 0)
);

create function registration_holds_a_place(state text) returns integer
    language sql immutable
    return case when state in ('REGISTERED', 'PROMOTED', 'ATTENDED') then 1 else 0 end;

create function count_places_taken() returns trigger
    language plpgsql as $$
declare
    change integer;
begin
    if tg_op = 'INSERT' then
        change := registration_holds_a_place(new.state);
    elsif tg_op = 'DELETE' then
        change := -registration_holds_a_place(old.state);
    else
        change := registration_holds_a_place(new.state) - registration_holds_a_place(old.state);
    end if;
    -- Two statements: an upsert would check its row to insert, a negative change, against the constraint.
    if change <> 0 then
        insert into event_places (event_id, taken) values (coalesce(new.event_id, old.event_id), 0)
        on conflict (event_id) do nothing;
        update event_places set taken = taken + change where event_id = coalesce(new.event_id, old.event_id);
    end if;
    return null;
end
$$;

create trigger registration_places_taken
    after insert or delete or update of state on registration
    for each row execute function count_places_taken();

insert into event_places (event_id, taken)
select event_id, count(*) from registration where registration_holds_a_place(state) = 1 group by event_id;
