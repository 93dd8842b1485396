-- One row per (event, recipient, kind): the unique key makes a redelivered event plan no second mail.
-- The row is also the retry queue: a failed send stays PENDING with its next attempt time, so a restart loses nothing.
create table notification_delivery (
    id              uuid primary key,
    event_id        uuid         not null,
    event_type      varchar(100) not null,
    record_id       uuid,
    record_number   varchar(20)  not null,
    recipient       varchar(255) not null,
    kind            varchar(40)  not null,
    facts           text         not null,
    status          varchar(20)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(1000),
    email           varchar(320),
    language        varchar(5),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    version         bigint       not null default 0,
    constraint notification_delivery_once unique (event_id, recipient, kind)
);

create index notification_delivery_due on notification_delivery (next_attempt_at) where status = 'PENDING';
create index notification_delivery_by_record on notification_delivery (record_number, created_at);

-- What the service knows of each incident from its events: the SLA events name no assignee, so the assignee of
-- an at-risk or breached incident is read here (fed by the same consumer, in event order per incident).
create table incident_view (
    id                uuid primary key,
    number            varchar(20)  not null,
    short_description varchar(500),
    caller            varchar(255),
    assignee          varchar(255),
    assignment_group  varchar(255),
    state             varchar(30),
    priority          varchar(10),
    updated_at        timestamptz  not null
);
