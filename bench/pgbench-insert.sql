-- The database floor: one row shaped like an incident per transaction, as the service writes it.
insert into bench_incident_floor (id, number, version, short_description, caller, category, impact, urgency, priority,
                                  state, created_at, updated_at, response_target_minutes, resolution_target_minutes)
values (gen_random_uuid(), 'X' || nextval('bench_incident_floor_number'), 0, 'Benchmark incident', 'agent', 'benchmark',
        2, 2, 'P3', 'NEW', now(), now(), 60, 1440);
