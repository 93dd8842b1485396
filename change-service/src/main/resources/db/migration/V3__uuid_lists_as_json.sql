-- Lists of ids are stored as JSON arrays (service-support's JsonColumn.UuidList, the one format of every service)
-- instead of comma-separated text: '' becomes [] and 'a,b' becomes ["a","b"]. Rows already in JSON are left alone,
-- so the conversion is safe to run twice. Queries match an id as a JSON element (ChangeRepository.pastFailures,
-- ChangeQueries' service filter).
update change_request
   set affected_service_ids = array_to_json(string_to_array(affected_service_ids, ','))::text
 where affected_service_ids not like '[%';
update change_request
   set affected_offering_ids = array_to_json(string_to_array(affected_offering_ids, ','))::text
 where affected_offering_ids not like '[%';
update catalog_service
   set depends_on = array_to_json(string_to_array(depends_on, ','))::text
 where depends_on not like '[%';

alter table change_request alter column affected_service_ids set default '[]';
alter table change_request alter column affected_offering_ids set default '[]';
alter table catalog_service alter column depends_on set default '[]';
