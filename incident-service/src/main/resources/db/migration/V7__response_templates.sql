-- Response templates shared per assignment group (issue 17): agents of the group insert them into comments.
create table response_template (
    id uuid primary key,
    version bigint not null,
    name varchar(80) not null,
    assignment_group varchar(120) not null,
    body text not null,
    language varchar(2),
    created_by varchar(120) not null,
    created_at timestamptz not null,
    updated_by varchar(120) not null,
    updated_at timestamptz not null
);

-- One name per group (409 on a duplicate); also the index of a group's list, sorted by name.
create unique index response_template_group_name on response_template (assignment_group, name);
