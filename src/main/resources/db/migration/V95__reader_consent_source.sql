-- Where a reader's consent comes from when it is not their own click on a confirmation link: 'import:operator'
-- (an operator imported the address and stated its owner had agreed; confirmed_at is when) or
-- 'import:double-opt-in' (imported, then sent the usual confirmation link). Null for readers who signed up here.
alter table reader add column consent_source varchar(40);
