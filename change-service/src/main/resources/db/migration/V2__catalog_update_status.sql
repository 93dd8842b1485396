-- What the catalog did with an implemented change's catalog update (PENDING until it answers, APPLIED or REJECTED).
alter table change_request add column catalog_update_status text;
alter table change_request add column catalog_update_reason text;
