-- A refresh of a rotating refresh token is done by one process at a time: it takes a lease on the row
-- (refresh_owner, refresh_lease_until), exchanges the token, and writes it back only if version is unchanged.
ALTER TABLE credential ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE credential ADD COLUMN refresh_owner TEXT;
ALTER TABLE credential ADD COLUMN refresh_lease_until BIGINT;
