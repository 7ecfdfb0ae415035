-- The web view of a sent digest (GET /digest/{token}) shows the email again from the ledger: paper_ids already
-- keeps its papers in order; this keeps the rest the page needs and the papers cannot give, written with the SENT
-- mark: the subject, whether it was the trending fallback, and each paper's reason line (DigestContents: one line
-- each, about 1 KB for ten papers). Not the rendered HTML: about 20 KB per reader and night, the papers' text is in
-- the paper table already, and links are signed afresh when the page is shown. Null on rows sent before this.
alter table delivery add column contents varchar(16000);
