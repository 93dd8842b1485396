-- A pause counts only against a clock running when it happens: the response clock keeps its own paused time
-- (a hold after the response no longer moves the response figures). Existing pauses all came after the response
-- (every move out of New stops the response clock), so none of them counts against it.
alter table incident add column response_paused_seconds bigint not null default 0;

-- Whose targets the clocks count against and why (SlaTermsReason), and the offering that supplied them (the named
-- offering or the service's default offering).
alter table incident add column sla_terms_reason text;
alter table incident add column sla_offering_id uuid;
update incident set sla_terms_reason = case when sla_target_source = 'OFFERING' then 'NAMED_OFFERING'
                                            when offering_id is not null then 'NO_TARGET_FOR_PRIORITY'
                                            when service_id is not null then 'NO_DEFAULT_OFFERING'
                                            else 'NO_SERVICE' end,
                    sla_offering_id = case when sla_target_source = 'OFFERING' then offering_id end;

-- The catalog marks one offering per service as its default: its terms apply when an incident names the service
-- but no offering.
alter table catalog_offering add column default_offering boolean not null default false;
create index catalog_offering_default on catalog_offering (service_id) where default_offering;

-- A correlation key only ever matches incidents its reporter can see; a requester's key matches their own
-- incidents only, so one open incident per key and caller (staff reports still join any open incident of the key).
drop index incident_open_correlation;
create unique index incident_open_correlation on incident (correlation_key, caller)
    where correlation_key is not null and state in ('NEW', 'IN_PROGRESS', 'ON_HOLD');
