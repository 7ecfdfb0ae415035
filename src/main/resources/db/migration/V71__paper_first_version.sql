-- The arXiv version a paper was first seen with moves onto the paper row (issue 5, import speed): a new paper
-- no longer costs a paper_version row (a row, its primary key and the seen_on index, each written and then
-- committed), about a fifth of H2's work for a new arXiv paper. paper_version keeps the versions seen after
-- the paper was first seen: the revisions that "new version" follow-ups are about.
alter table paper add column first_version integer;
alter table paper add column first_announce_type varchar(20);

-- Versions were recorded only as they grew: the lowest one seen on a paper's first day is the one it was first seen
-- with (none on that day: the paper was first seen without a version).
update paper set first_version = (select min(v.version) from paper_version v
                                  where v.paper_id = paper.id and v.seen_on = paper.first_seen_on);
update paper set first_announce_type = (select v.announce_type from paper_version v
                                        where v.paper_id = paper.id and v.version = paper.first_version)
where first_version is not null;

delete from paper_version
where exists (select 1 from paper p
              where p.id = paper_version.paper_id and p.first_version = paper_version.version);
