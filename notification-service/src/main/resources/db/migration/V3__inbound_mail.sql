-- Mail read from the service desk's mailbox. One row per Message-ID (the unique key makes reading a message twice
-- harmless); a row is written before the message is marked seen, so a crash in between loses nothing.
create table inbound_mail (
    id              uuid primary key,
    message_id      varchar(998) not null unique,
    sender_address  varchar(320) not null,
    sender          varchar(255),
    recipients      text         not null default '',
    subject         varchar(998),
    body            text         not null default '',
    received_at     timestamptz  not null,
    status          varchar(16)  not null,
    reason          text,
    record_number   varchar(16),
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);

create index inbound_mail_status_received on inbound_mail (status, received_at desc);
