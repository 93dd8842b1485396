-- NumberSequence.numberLast finds the pending events of the record it numbers: without this index it scanned the
-- whole outbox on every create.
create index outbox_event_pending_aggregate on outbox_event (aggregate_id) where published_at is null;
