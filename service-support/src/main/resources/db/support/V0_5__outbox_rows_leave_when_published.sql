-- A published event leaves the outbox in the relay's transaction instead of staying a week marked published. Kafka
-- keeps the events; the outbox only needs the pending ones. Kept rows made the relay's claim walk the dead index
-- entries of every recently published row (measured: 66 ms per claim with 276 000 rows, 186 000 of them dead) and
-- made every vacuum of the table long.
delete from outbox_event where published_at is not null;
drop index outbox_event_unpublished;
alter table outbox_event drop column published_at;
