-- Papers reach readers by an explicit, monotonic watermark instead of comparing the server's UTC import date
-- with the reader's local date (two clocks): a paper imported after a reader's email on the same day was never
-- sent, and a reader whose morning came before the day's import was mailed in the afternoon.
--
-- Each import batch that adds papers takes the next number from paper_feed.last_batch, in the batch's own
-- transaction. The row lock on that counter orders the batches: once a number is committed, every smaller one
-- is committed too, so "all papers with available_seq <= the committed counter" is a complete snapshot.
create table paper_feed (
    id         integer primary key,
    last_batch bigint  not null
);

alter table paper add column available_seq bigint;
alter table paper add column available_at timestamp with time zone;

-- Papers imported before this migration: one batch per first_seen_on day, in day order.
create table paper_day_batch (
    first_seen_on date   primary key,
    batch         bigint not null
);
insert into paper_day_batch (first_seen_on, batch)
select first_seen_on, row_number() over (order by first_seen_on) from (select distinct first_seen_on from paper) days;

update paper set available_seq = (select b.batch from paper_day_batch b where b.first_seen_on = paper.first_seen_on);
update paper set available_at = cast(first_seen_on as timestamp with time zone);
alter table paper alter column available_seq set not null;
alter table paper alter column available_at set not null;
create index ix_paper_available on paper (available_seq);

insert into paper_feed (id, last_batch) select 1, coalesce(max(batch), 0) from paper_day_batch;

-- The watermark of the last email a reader was sent: the next one holds papers of later batches.
alter table reader add column papers_through bigint;
-- A delivery records the watermark its email was composed against, and the run the snapshot it worked on.
alter table delivery add column papers_through bigint;
alter table digest_run add column papers_through bigint;

-- Existing readers keep their history. The old rule sent papers first seen after the last email's date, so the
-- days before it were fully handled; the last email's own day is taken again, because papers imported later that
-- day never reached anyone. What that email did hold is not sent again: the 30-day guard reads its paper ids.
update reader set papers_through = coalesce((select max(b.batch) from paper_day_batch b
                                             where b.first_seen_on < reader.last_digest_date), 0)
where last_digest_date is not null;
update delivery set papers_through = coalesce((select max(b.batch) from paper_day_batch b
                                               where b.first_seen_on < delivery.digest_date), 0);

drop table paper_day_batch;

-- One import schedule per source replaces the daily import of every source (job daily-paper-import): remove its
-- Quartz job and trigger, which the JDBC store would otherwise keep firing.
delete from QRTZ_CRON_TRIGGERS where TRIGGER_NAME like 'daily-paper-import%';
delete from QRTZ_FIRED_TRIGGERS where TRIGGER_NAME like 'daily-paper-import%';
delete from QRTZ_TRIGGERS where TRIGGER_NAME like 'daily-paper-import%';
delete from QRTZ_JOB_DETAILS where JOB_NAME like 'daily-paper-import%';
