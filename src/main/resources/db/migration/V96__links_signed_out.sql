-- "Sign me out everywhere": links issued before this moment stop working (tokens carry their signed issue time).
alter table reader add column links_signed_out_at timestamp with time zone;
