-- Tables every ITSM service shares (from the service-support module). Service migrations start at V1.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid        not null unique,
    aggregate_id uuid        not null,
    type         text        not null,
    subject      text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Wake the relay as soon as a transaction with events commits (NOTIFY is delivered on commit).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end;
$$;
create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Idempotent consumers: an event id recorded here in the same transaction as its effect is never applied twice.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key on POST: the first response is stored and replayed for retries.
create table idempotency_key (
    principal     text        not null,
    key           text        not null,
    request_hash  text        not null,
    resource_id   uuid,
    created_at    timestamptz not null default now(),
    primary key (principal, key)
);

-- Gap-free human numbers (INC0001001...): the row lock serialises concurrent creates, a rollback returns the number.
create table number_sequence (
    prefix     text   primary key,
    next_value bigint not null
);

-- Audit trail of every record: who changed what, when, from what to what.
create table record_history (
    seq        bigserial   primary key,
    record_id  uuid        not null,
    at         timestamptz not null default now(),
    actor      text        not null,
    field      text        not null,
    old_value  text,
    new_value  text
);
create index record_history_record on record_history (record_id, seq);
