-- Runs once, when the PostgreSQL container initialises an empty data directory
-- (docker-entrypoint-initdb.d). One database per service, each owned by its own role:
-- no service can read another service's tables (DESIGN §2.1).
-- The passwords are development-only values, matching docker-compose.yml.
CREATE ROLE "incident" LOGIN PASSWORD 'incident';
CREATE ROLE "change"   LOGIN PASSWORD 'change';
CREATE ROLE "problem"  LOGIN PASSWORD 'problem';
CREATE ROLE "catalog"  LOGIN PASSWORD 'catalog';
CREATE ROLE "notification" LOGIN PASSWORD 'notification';

CREATE DATABASE "incident" OWNER "incident" ENCODING 'UTF8';
CREATE DATABASE "change"   OWNER "change"   ENCODING 'UTF8';
CREATE DATABASE "problem"  OWNER "problem"  ENCODING 'UTF8';
CREATE DATABASE "catalog"  OWNER "catalog"  ENCODING 'UTF8';
CREATE DATABASE "notification" OWNER "notification" ENCODING 'UTF8';

REVOKE ALL ON DATABASE "incident" FROM PUBLIC;
REVOKE ALL ON DATABASE "change"   FROM PUBLIC;
REVOKE ALL ON DATABASE "problem"  FROM PUBLIC;
REVOKE ALL ON DATABASE "catalog"  FROM PUBLIC;
REVOKE ALL ON DATABASE "notification" FROM PUBLIC;
