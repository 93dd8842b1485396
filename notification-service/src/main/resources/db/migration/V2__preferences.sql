-- Each person's own choices: which kinds of mail they want (absent = the default, on) and the language of their
-- mail (absent = the directory's locale).
create table notification_preference (
    username       varchar(255) primary key,
    language       varchar(5),
    disabled_kinds text         not null default '[]',
    updated_at     timestamptz  not null,
    version        bigint       not null default 0
);
