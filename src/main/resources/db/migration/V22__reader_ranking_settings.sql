-- A reader's own ranking settings, from the preferences page.
alter table reader add column trend_weight double precision default 0.3 not null;
alter table reader add column exploration boolean default true not null;
alter table reader add column only_when_matches boolean default false not null;
