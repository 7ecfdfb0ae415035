-- Subscription lifecycle: when the last confirmation email went out (resends are limited), why a reader left,
-- and the suppression list of erased readers (a keyed hash of the address, never the address itself).
alter table reader add column confirmation_sent_at timestamp;
alter table reader add column unsubscribe_reason varchar(500);

create table suppressed_address (
    address_hash  varchar(64)  not null primary key,
    suppressed_at timestamp    not null
);
