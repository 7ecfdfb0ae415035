-- Digest runs read the due readers of a chunk as "status = 'ACTIVE' and id > ? and id <= ? order by id": with
-- (status, id) the database reads just the chunk's range. With the index on status alone H2 walked every active
-- reader for each page, which made a run of a million readers quadratic. Queries on status alone use this one too.
create index ix_reader_status_id on reader (status, id);
drop index ix_reader_status;
