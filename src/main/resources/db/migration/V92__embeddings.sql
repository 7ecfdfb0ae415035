-- Semantic ranking: each paper's title-and-abstract embedding (int8, 388 bytes for 384 dimensions), written by the
-- background embedding worker after import; the model name beside it, so that a change of model re-embeds instead
-- of comparing unlike vectors. A separate table keeps the paper rows (read by every import) as narrow as before.
create table paper_embedding (
    paper_id    varchar(100) primary key references paper (id) on delete cascade,
    model       varchar(64)  not null,
    vector      bytea        not null,
    embedded_at timestamp with time zone not null
);
create index ix_paper_embedding_model on paper_embedding (model);

-- The reader's interest text as embedded aspects (see InterestAspects), kept with the reader; null until the
-- worker has embedded the text saved last (a change of interests clears them).
alter table reader add column interest_vectors bytea;
alter table reader add column interest_vectors_model varchar(64);
