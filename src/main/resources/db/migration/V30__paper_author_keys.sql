-- Authors' normalized names move from the paper_author table into a column of paper (issue 5, import speed).
-- paper_author cost six B-tree entries per author (row, primary key, name index, each written and then
-- committed) and half the time of importing a new paper; nothing reads it as a table: the ranker matches
-- followed authors on the day's candidate papers, which it selects by first_seen_on.
-- author_keys holds the names as io.paperpost.ranking.Ranker.normalizeName makes them, between '|'
-- ("|jose garcia|wei zhang|"), so "papers by X" is author_keys like '%|x|%' (see io.paperpost.papers.AuthorKeys).
-- Existing rows get their value from io.paperpost.papers.PaperIndexBackfill at the next start.
alter table paper add column author_keys varchar(8000);
drop table paper_author;
