-- The agents' queues (issue 17): unassigned, open, SLA at risk, and sorted by resolution due time.

-- When the resolution clock is due, kept by SlaPolicy.scheduleNextCheck with the next check: the due time of a
-- running clock; "never" (as sla_next_check_at) while the clock is paused or stopped, so those sort last.
alter table incident add column resolution_due_at timestamptz not null
    default timestamptz '9999-12-31 00:00:00+00';

-- Existing running clocks. 24x7 ones are plain arithmetic; business-hours ones are made due for the SLA monitor,
-- which works their due time out on its next run.
update incident
   set resolution_due_at = created_at + make_interval(mins => resolution_target_minutes)
                                      + make_interval(secs => sla_paused_seconds)
 where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD') and sla_paused_since is null and sla_calendar is null;
update incident
   set sla_next_check_at = timestamptz '1970-01-01 00:00:00+00'
 where state in ('NEW', 'IN_PROGRESS', 'ON_HOLD') and sla_paused_since is null and sla_calendar is not null;

-- sort=slaDue: a plain range of this index, earliest first.
create index incident_resolution_due on incident (resolution_due_at, id);
-- assignee=none: the unassigned incidents, newest change first (the default sort).
create index incident_unassigned on incident (updated_at desc) where assignee is null;
-- slaAtRisk=true: the few incidents carrying an alert mark.
create index incident_sla_alerted on incident (updated_at desc)
    where response_sla_alert is not null or resolution_sla_alert is not null;
