-- The personal Atom feed (GET /feed/{token}.atom) and "feed only, no email": how a reader takes their daily picks.
-- EMAIL for every existing reader. A feed-only reader's picks are still ranked at their hour and written to the
-- ledger, as status 'FEED' (delivery.status is varchar(16): no change there), so the feed and the never-repeat
-- guard read them like sent emails.
alter table reader add column delivery_channel varchar(16) default 'EMAIL' not null;
