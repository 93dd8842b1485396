-- Tops the incident table up to :target rows of plausible incidents (numbered by the service's own
-- next_number, so the service keeps numbering after them). Category 'benchmark-seed' marks them.
\set ON_ERROR_STOP on
select greatest(:target - count(*), 0) as missing from incident \gset
begin;
insert into incident (id, number, version, short_description, caller, category, impact, urgency, priority,
                      assignment_group, state, created_at, updated_at, responded_at, resolved_at,
                      response_target_minutes, resolution_target_minutes, response_sla_alert, resolution_sla_alert,
                      sla_next_check_at)
select gen_random_uuid(),
       next_number('INC'),
       0,
       'Seeded incident ' || n,
       'user' || (n % 500),
       'benchmark-seed',
       impact, urgency,
       'P' || (case impact + urgency when 2 then 1 when 3 then 2 when 4 then 3 when 5 then 4 else 5 end),
       (array['network', 'desktop', 'database', 'email', 'identity', 'storage', 'erp', 'web'])[1 + n % 8],
       state,
       created, created + interval '1 hour',
       case when state <> 'NEW' then created + interval '10 minutes' end,
       case when state in ('RESOLVED', 'CLOSED') then created + interval '4 hours' end,
       60, 1440,
       -- history: the SLA monitor alerted these long ago, so seeding does not set off a burst of SLA events
       case when state = 'NEW' then 'BREACHED' end,
       case when state not in ('RESOLVED', 'CLOSED') and created < now() - interval '1 day' then 'BREACHED' end,
       -- the SLA monitor's next look: the resolution clock's at-risk moment (75 % of a day) while it can still come
       case when state not in ('RESOLVED', 'CLOSED') and created >= now() - interval '1 day'
            then created + interval '18 hours' else timestamptz '9999-12-31 00:00:00+00' end
from (select n, 1 + n % 3 as impact, 1 + (n / 3) % 3 as urgency,
             (array['NEW', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'CLOSED'])[1 + n % 6] as state,
             now() - (n % 129600) * interval '1 minute' as created
      from generate_series(1, :missing) as n) as seed;
commit;
analyze incident;
