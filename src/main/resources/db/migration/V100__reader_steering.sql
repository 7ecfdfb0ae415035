-- Steering: authors and topics muted from an email's one-click links, and the preferences page's hard filters
-- (must-have and never words). Newline-separated lists, like followed_authors: read whole with the reader row.
alter table reader add column muted_authors varchar(4000) default '' not null;
alter table reader add column muted_topics varchar(4000) default '' not null;
alter table reader add column must_words varchar(4000) default '' not null;
alter table reader add column never_words varchar(4000) default '' not null;
