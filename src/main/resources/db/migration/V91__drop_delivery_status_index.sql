-- ix_delivery_retry (status, next_attempt_at) answers every query by status alone too (its first column), so the
-- index on status alone only cost upkeep: every claim and mark-sent changed it, one more B-tree each commit writes.
drop index ix_delivery_status;
