-- The agents' saved queue views (issue 17), owned by the token subject, optionally shared with one of the owner's
-- assignment groups (whose members see it read-only).
create table saved_view (
    id uuid primary key,
    version bigint not null,
    owner varchar(255) not null,
    owner_name varchar(120) not null,
    name varchar(60) not null,
    filters text not null,
    shared_with varchar(120),
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- One name per owner (409 on a duplicate); the owner's list, by name.
create unique index saved_view_owner_name on saved_view (owner, name);
-- The views shared with a group.
create index saved_view_shared on saved_view (shared_with, name) where shared_with is not null;
