-- When the SLA monitor next needs to look at an incident (its next at-risk or due moment); null: as soon as possible.
-- The monitor reads only incidents that are due, instead of every open incident on every run.
alter table incident add column sla_next_check_at timestamptz;
create index incident_sla_next_check on incident (sla_next_check_at) where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD');
