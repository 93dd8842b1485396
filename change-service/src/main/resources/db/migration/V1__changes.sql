create table change_request (
    id                        uuid primary key,
    number                    text        not null unique,
    version                   bigint      not null,
    type                      text        not null,
    state                     text        not null,
    title                     varchar(160) not null,
    description               text,
    justification             text,
    -- comma-separated ids: the calendar filters in memory, past failures match by text
    affected_service_ids      text        not null default '',
    affected_offering_ids     text        not null default '',
    planned_start             timestamptz,
    planned_end               timestamptz,
    implementation_plan       text,
    backout_plan              text,
    test_plan                 text,
    requester                 text        not null,
    change_manager            text,
    implementer               text,
    template_id               uuid,
    problem_number            text,
    catalog_update            text,
    risk_impact               text,
    risk_complexity           text,
    risk_backout_difficulty   text,
    risk_testing              text,
    risk_score                integer,
    risk_level                text,
    risk_reasons              text,
    approval_route            text,
    approval_status           text        not null,
    approval_round            integer     not null default 0,
    approved_at               timestamptz,
    conflict_override_reason  text,
    conflict_override_by      text,
    outcome                   text,
    outcome_notes             text,
    review_notes              text,
    cancel_reason             text,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    implementation_started_at timestamptz,
    implemented_at            timestamptz,
    closed_at                 timestamptz
);
create index change_request_updated on change_request (updated_at desc);
create index change_request_state on change_request (state, updated_at desc);
create index change_request_requester on change_request (requester, updated_at desc);
create index change_request_window on change_request (planned_start, planned_end) where planned_start is not null;
create index change_request_failed on change_request (outcome) where outcome in ('FAILED', 'BACKED_OUT');

create table change_approval (
    id        uuid primary key,
    change_id uuid        not null references change_request (id),
    round     integer     not null,
    voter     text        not null,
    capacity  text        not null,
    decision  text        not null,
    comment   text,
    cast_at   timestamptz not null,
    -- a member votes once per round, even when two requests race
    unique (change_id, round, voter)
);

create table change_template (
    id                  uuid primary key,
    name                varchar(120) not null unique,
    description         text,
    implementation_plan text        not null,
    backout_plan        text        not null,
    test_plan           text        not null,
    active              boolean     not null,
    created_by          text        not null,
    created_at          timestamptz not null
);

-- Read model of the catalog, fed by catalog events (never read from catalog-service's database).
create table catalog_service (
    id         uuid primary key,
    number     text        not null,
    name       text        not null,
    lifecycle  text        not null,
    depends_on text        not null default '',
    updated_at timestamptz not null
);

create table catalog_offering (
    id                  uuid primary key,
    service_id          uuid        not null,
    name                text        not null,
    status              text        not null,
    maintenance_windows text,
    blackout_windows    text,
    updated_at          timestamptz not null
);
create index catalog_offering_service on catalog_offering (service_id);
