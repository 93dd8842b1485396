create table incident (
    id                         uuid primary key,
    number                     text        not null unique,
    version                    bigint      not null,
    short_description          varchar(160) not null,
    description                text,
    caller                     text        not null,
    category                   text,
    subcategory                text,
    service_id                 uuid,
    offering_id                uuid,
    impact                     smallint    not null,
    urgency                    smallint    not null,
    priority                   text        not null,
    assignment_group           text,
    assignee                   text,
    state                      text        not null,
    hold_reason                text,
    major                      boolean     not null default false,
    parent_id                  uuid references incident (id),
    problem_number             text,
    caused_by_change           text,
    possible_cause_change      text,
    correlation_key            text,
    report_count               integer     not null default 1,
    resolution_code            text,
    resolution_notes           text,
    workaround                 text,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    responded_at               timestamptz,
    resolved_at                timestamptz,
    closed_at                  timestamptz,
    response_target_minutes    integer     not null,
    resolution_target_minutes  integer     not null,
    sla_calendar               text,
    sla_paused_seconds         bigint      not null default 0,
    sla_paused_since           timestamptz,
    response_sla_alert         text,
    resolution_sla_alert       text
);

-- One open incident per monitoring correlation key: a repeated alert is added to it, never a duplicate.
create unique index incident_open_correlation on incident (correlation_key)
    where correlation_key is not null and state in ('NEW', 'IN_PROGRESS', 'ON_HOLD');
create index incident_state_priority on incident (state, priority, updated_at desc);
create index incident_updated on incident (updated_at desc);
create index incident_caller on incident (caller, updated_at desc);
create index incident_assignment on incident (assignment_group, assignee);
create index incident_service on incident (service_id, created_at desc);
create index incident_parent on incident (parent_id) where parent_id is not null;
create index incident_open_sla on incident (state) where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD');

create table incident_comment (
    id          uuid primary key,
    incident_id uuid        not null references incident (id),
    author      text        not null,
    body        text        not null,
    internal    boolean     not null,
    created_at  timestamptz not null
);
create index incident_comment_incident on incident_comment (incident_id, created_at);

-- Read model of the catalog, fed by catalog events (never read from catalog-service's database).
create table catalog_service (
    id            uuid primary key,
    number        text not null,
    name          text not null,
    lifecycle     text not null,
    support_group text,
    updated_at    timestamptz not null
);

create table catalog_offering (
    id             uuid primary key,
    service_id     uuid not null,
    name           text not null,
    status         text not null,
    support_group  text,
    sla_targets    text,
    business_hours text,
    updated_at     timestamptz not null
);

-- Changes implemented recently, to flag new incidents on the same service as possibly caused by them.
create table implemented_change (
    change_number  text        not null,
    service_id     uuid        not null,
    implemented_at timestamptz not null,
    primary key (change_number, service_id)
);
create index implemented_change_service on implemented_change (service_id, implemented_at desc);
