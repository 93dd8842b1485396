-- Services of the catalogue (the service portfolio): Pipeline -> Live -> Retired.
create table catalog_service (
    id              uuid primary key,
    number          text        not null unique,
    version         bigint      not null,
    name            varchar(120) not null,
    description     text,
    type            text        not null,
    owner           text,
    support_group   text,
    lifecycle       text        not null,
    criticality     text        not null,
    service_version text,
    -- the service map: JSON array of the ids of services this one depends on (cycles tolerated: traversal handles them)
    depends_on      text        not null default '[]',
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- Offerings of a service: agreed service levels and calendars (JSON of the event contract's records).
create table service_offering (
    id                  uuid primary key,
    service_id          uuid        not null references catalog_service (id),
    version             bigint      not null,
    name                varchar(120) not null,
    status              text        not null,
    support_group       text,
    sla_targets         text        not null,
    business_hours      text,
    maintenance_windows text        not null,
    blackout_windows    text        not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index service_offering_service on service_offering (service_id);

-- Approved changes planned on a service (or one of its offerings), until implemented, failed or cancelled.
create table planned_change (
    id            uuid primary key,
    service_id    uuid        not null references catalog_service (id),
    offering_id   uuid references service_offering (id),
    change_id     uuid        not null,
    change_number text        not null,
    planned_start timestamptz,
    planned_end   timestamptz,
    summary       text,
    recorded_at   timestamptz not null,
    unique (service_id, offering_id, change_id)
);
create index planned_change_change on planned_change (change_id);

-- Catalog updates of implemented changes that no longer fitted the service. Written outside the consumer's
-- transaction (which rolls back to send the event to the dead-letter topic); the event id keeps it once.
create table rejected_change_update (
    id            uuid primary key,
    service_id    uuid        not null references catalog_service (id),
    event_id      uuid        not null,
    change_id     uuid        not null,
    change_number text        not null,
    reason        text        not null,
    rejected_at   timestamptz not null,
    unique (event_id, service_id)
);
create index rejected_change_update_service on rejected_change_update (service_id);

-- Requestable items: a form (JSON Schema), an approval rule, the group that fulfils them.
create table catalog_item (
    id                      uuid primary key,
    version                 bigint      not null,
    name                    varchar(120) not null,
    category                text,
    description             text,
    form_schema             text        not null,
    approval_rule           text        not null,
    fulfilment_group        text        not null,
    expected_delivery_hours integer     not null,
    offering_id             uuid references service_offering (id),
    published               boolean     not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);

-- Service requests (REQ): Submitted -> Awaiting Approval -> Approved/Rejected -> In Fulfilment -> Fulfilled -> Closed.
create table service_request (
    id                      uuid primary key,
    number                  text        not null unique,
    version                 bigint      not null,
    item_id                 uuid        not null references catalog_item (id),
    item_name               text        not null,
    requester               text        not null,
    field_values            text        not null,
    state                   text        not null,
    approval_rule           text        not null,
    approver                text,
    decided_by              text,
    decision_comment        text,
    fulfilment_group        text        not null,
    expected_delivery_hours integer     not null,
    submitted_at            timestamptz not null,
    due_at                  timestamptz not null,
    fulfilled_at            timestamptz,
    closed_at               timestamptz,
    updated_at              timestamptz not null
);
create index service_request_requester on service_request (requester);
create index service_request_state on service_request (state);

-- Work items that fulfil a request, for its fulfilment group.
create table fulfilment_task (
    id            uuid primary key,
    request_id    uuid        not null references service_request (id),
    version       bigint      not null,
    title         varchar(200) not null,
    assignment_group text     not null,
    assignee      text,
    state         text        not null,
    notes         text,
    created_at    timestamptz not null,
    completed_at  timestamptz
);
create index fulfilment_task_request on fulfilment_task (request_id);
