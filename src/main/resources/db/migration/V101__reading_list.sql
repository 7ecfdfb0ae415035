-- The reading list: papers a reader saved from an email ("Save"), with when they read them and a private note.
-- No foreign key to paper, like feedback: a paper that is no longer stored leaves its entry, which the page shows
-- as gone. Portable between H2 (2.x) and PostgreSQL (13+).
create table reading_list_entry (
    reader_id bigint        not null references reader (id) on delete cascade,
    paper_id  varchar(100)  not null,
    saved_at  timestamp with time zone not null,
    read_at   timestamp with time zone,
    note      varchar(1000),
    primary key (reader_id, paper_id)
);
create index ix_reading_list_reader_saved on reading_list_entry (reader_id, saved_at);
