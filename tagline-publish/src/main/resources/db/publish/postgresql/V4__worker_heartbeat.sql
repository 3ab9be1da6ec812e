-- Every running 'tagline publish run' worker writes its row once a poll (seen_at), and stopped_at when it stops
-- cleanly, so the web app can tell whether any worker will pick up a due post.
CREATE TABLE worker (
  name        TEXT PRIMARY KEY,
  started_at  BIGINT NOT NULL,
  seen_at     BIGINT NOT NULL,
  poll_ms     BIGINT NOT NULL,
  stopped_at  BIGINT
);
