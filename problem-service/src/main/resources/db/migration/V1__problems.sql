create table problem (
    id                        uuid primary key,
    number                    text        not null unique,
    version                   bigint      not null,
    statement                 varchar(160) not null,
    description               text,
    service_id                uuid,
    category                  text,
    impact                    smallint    not null,
    urgency                   smallint    not null,
    priority                  text        not null,
    assignment_group          text,
    assignee                  text,
    state                     text        not null,
    source                    text        not null,
    root_cause                text,
    root_cause_identified_at  timestamptz,
    workaround                text,
    fix_description           text,
    fix_change_number         text,
    fix_change_outcome        text,
    resolution_code           text,
    resolution_notes          text,
    duplicate_of              text,
    known_error_published_at  timestamptz,
    incident_count            integer     not null default 0,
    created_by                text        not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    resolved_at               timestamptz,
    closed_at                 timestamptz
);

-- At most one open detected candidate per service and category: detection adds to it instead of opening another.
create unique index problem_open_candidate on problem (service_id, category)
    where source = 'DETECTED' and state in ('NEW', 'ASSESSMENT', 'ROOT_CAUSE_ANALYSIS', 'FIX_IN_PROGRESS');
create index problem_state on problem (state, priority, updated_at desc);
create index problem_updated on problem (updated_at desc);
create index problem_service_category on problem (service_id, category);
create index problem_fix_change on problem (fix_change_number) where fix_change_number is not null;

-- Incidents linked to a problem, by their number (incidents live in incident-service).
create table problem_incident (
    problem_id       uuid        not null references problem (id),
    incident_number  text        not null,
    linked_by        text        not null,
    linked_at        timestamptz not null,
    primary key (problem_id, incident_number)
);
create index problem_incident_number on problem_incident (incident_number);

-- The published known error of a problem: what the desk searches for a workaround.
create table known_error (
    id            uuid primary key,
    problem_id    uuid        not null unique references problem (id),
    symptom       text        not null,
    root_cause    text,
    workaround    text        not null,
    service_id    uuid,
    published_by  text        not null,
    published_at  timestamptz not null,
    updated_at    timestamptz not null
);
create index known_error_service on known_error (service_id);

-- Read model of incidents, fed by incident events: the input of recurring-incident detection.
create table observed_incident (
    number       text primary key,
    id           uuid        not null,
    service_id   uuid,
    category     text,
    state        text        not null,
    reported_at  timestamptz not null,
    updated_at   timestamptz not null
);
create index observed_incident_pattern on observed_incident (service_id, category, reported_at);

-- Read model of the catalog's services, fed by catalog events: validates the affected service.
create table catalog_service (
    id            uuid primary key,
    number        text not null,
    name          text not null,
    lifecycle     text not null,
    support_group text,
    updated_at    timestamptz not null
);
