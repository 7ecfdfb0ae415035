-- paper.author_keys (V30) is dropped: no query read it (the ranker matches followed authors on paper.authors,
-- which it normalizes itself), yet every insert and update of a paper normalized its authors to keep it.
alter table paper drop column author_keys;
