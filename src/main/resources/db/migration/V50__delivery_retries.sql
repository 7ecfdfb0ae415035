-- Delivery retries and suppression (issue 7): a deferred email is tried again from next_attempt_at, so
-- retries survive a restart; a hard bounce suppresses the delivery (and the reader).
alter table delivery add column next_attempt_at timestamp with time zone;
-- FAILED used to mean "temporary failure, retried by the next run": that is RETRYING now, due at once.
update delivery set status = 'RETRYING', next_attempt_at = updated_at where status = 'FAILED';
-- BOUNCED (SMTP 5xx) is SUPPRESSED now.
update delivery set status = 'SUPPRESSED' where status = 'BOUNCED';
create index ix_delivery_retry on delivery (status, next_attempt_at);
