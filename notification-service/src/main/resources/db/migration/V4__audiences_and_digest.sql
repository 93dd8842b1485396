-- Audiences: a delivery whose recipient is an audience (group:<name>, role:<name>) is expanded by the dispatcher
-- into one delivery per member (same event and kind), then marked EXPANDED.
-- The daily digest: the kinds each person takes in their digest; a delivery of such a kind waits QUEUED until the
-- person's digest (a DAILY_DIGEST delivery, unique per person and local day by its event id) takes it: DIGESTED,
-- with digest_id naming the digest's delivery.
alter table notification_preference add column digest_kinds text not null default '[]';
alter table notification_delivery add column digest_id uuid;
create index notification_delivery_queued on notification_delivery (recipient) where status = 'QUEUED';
create index notification_delivery_by_digest on notification_delivery (digest_id) where digest_id is not null;

-- Workarounds reach the callers of linked incidents, which problem events name by number.
create index incident_view_by_number on incident_view (number);
