-- The offering whose SLA terms apply to a record naming the service but no offering: at most one per service.
alter table service_offering add column default_offering boolean not null default false;
create unique index service_offering_one_default on service_offering (service_id) where default_offering;
