-- Operator switches that every instance must see at once, such as "pause all sending" (admin dashboard).
create table app_setting (
    name          varchar(100)  primary key,
    setting_value varchar(1000) not null,
    updated_at    timestamp with time zone not null
);
