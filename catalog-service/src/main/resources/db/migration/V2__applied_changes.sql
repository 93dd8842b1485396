-- Changes whose catalog update was applied to a service: a change re-announced as implemented under a new event
-- id is recognised and not applied a second time.
create table applied_change (
    service_id    uuid        not null references catalog_service (id),
    change_id     uuid        not null,
    change_number text        not null,
    applied_at    timestamptz not null,
    primary key (service_id, change_id)
);
