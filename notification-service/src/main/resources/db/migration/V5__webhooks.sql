-- Integrators' webhook subscriptions: where events are posted, which ones (JSON list of types and prefixes), the
-- signing secret. A delivery given up after its retries marks the subscription failing and inactive.
create table webhook_subscription (
    id             uuid primary key,
    url            varchar(2000) not null,
    event_types    text          not null,
    secret         varchar(200)  not null,
    description    varchar(500),
    active         boolean       not null,
    failing_since  timestamptz,
    failure_reason varchar(1000),
    created_by     varchar(255)  not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    version        bigint        not null default 0
);

-- One row per (subscription, event): the unique key makes a redelivered event plan no second delivery. The row is
-- the retry queue (PENDING with its next attempt time), so a restart loses nothing; the body is the CloudEvent as
-- structured JSON, sent byte for byte on every attempt and replay.
create table webhook_delivery (
    id              uuid primary key,
    subscription_id uuid         not null references webhook_subscription (id) on delete cascade,
    event_id        uuid         not null,
    event_type      varchar(100) not null,
    event_subject   varchar(100),
    body            text         not null,
    status          varchar(20)  not null,
    failed_attempts integer      not null default 0,
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    version         bigint       not null default 0,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, created_at desc);

-- Each try of a delivery, for the delivery log.
create table webhook_attempt (
    id           uuid primary key,
    delivery_id  uuid          not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz   not null,
    status_code  integer,
    duration_ms  bigint        not null,
    error        varchar(1000)
);

create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, attempted_at);
