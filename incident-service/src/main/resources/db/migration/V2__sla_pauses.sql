-- Each pause of the SLA clocks (On Hold awaiting the caller), so GET /incidents/{id}/sla can explain the clock.
create table incident_sla_pause (
    id          bigint generated always as identity primary key,
    incident_id uuid        not null references incident (id),
    reason      text        not null,
    started_at  timestamptz not null,
    ended_at    timestamptz
);
create index incident_sla_pause_incident on incident_sla_pause (incident_id, started_at);

-- Where the SLA targets came from: the affected offering's agreement, or the configured defaults.
alter table incident add column sla_target_source text not null default 'DEFAULT';
