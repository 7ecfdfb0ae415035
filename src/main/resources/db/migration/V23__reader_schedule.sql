-- When and how a reader gets their email: shared by the preferences page (which sets it) and the digest
-- scheduler (which reads it). Existing readers keep today's behaviour: daily, 10 papers, HTML, 07:00 local.
alter table reader add column papers_per_email integer default 10 not null;
alter table reader add column frequency varchar(16) default 'DAILY' not null;
alter table reader add column weekly_day varchar(10) default 'MONDAY' not null;
alter table reader add column paused_until date;
alter table reader add column delivery_hour integer default 7 not null;
alter table reader add column mail_format varchar(8) default 'HTML' not null;
