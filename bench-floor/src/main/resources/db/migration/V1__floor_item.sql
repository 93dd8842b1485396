-- Shaped like an incident's hot columns, so the insert costs what a domain insert costs, without the domain.
create table floor_item (
    id uuid primary key,
    title varchar(200) not null,
    created_by varchar(120) not null,
    created_at timestamptz not null,
    version bigint not null
);
