-- Times are epoch milliseconds in UTC; the IANA zone they are planned in is stored beside them.
CREATE TABLE media (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  manifest_path   TEXT NOT NULL UNIQUE,
  video_path      TEXT NOT NULL,
  clip_id         TEXT NOT NULL,
  score           DOUBLE PRECISION NOT NULL,
  duration_ms     BIGINT NOT NULL,
  width           INTEGER NOT NULL,
  height          INTEGER NOT NULL,
  size_bytes      BIGINT NOT NULL,
  sha256          TEXT NOT NULL,
  manifest_json   TEXT NOT NULL,
  added_at        BIGINT NOT NULL
);

CREATE TABLE channel (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  name            TEXT NOT NULL UNIQUE,
  platform        TEXT NOT NULL,
  account         TEXT NOT NULL,
  zone            TEXT NOT NULL,
  state           TEXT NOT NULL,
  state_reason    TEXT,
  options_json    TEXT NOT NULL,
  created_at      BIGINT NOT NULL
);

CREATE TABLE credential (
  channel_id          BIGINT PRIMARY KEY REFERENCES channel(id) ON DELETE CASCADE,
  sealed              TEXT NOT NULL,
  access_expires_at   BIGINT,
  refresh_expires_at  BIGINT,
  updated_at          BIGINT NOT NULL
);

CREATE TABLE posting_rule (
  channel_id          BIGINT PRIMARY KEY REFERENCES channel(id) ON DELETE CASCADE,
  days                TEXT NOT NULL,
  times               TEXT NOT NULL,
  per_day             INTEGER NOT NULL,
  per_week            INTEGER NOT NULL,
  min_spacing_minutes INTEGER NOT NULL,
  blackouts           TEXT NOT NULL,
  updated_at          BIGINT NOT NULL
);

CREATE TABLE post (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  media_id          BIGINT NOT NULL REFERENCES media(id),
  channel_id        BIGINT NOT NULL REFERENCES channel(id) ON DELETE CASCADE,
  title             TEXT,
  caption           TEXT NOT NULL,
  state             TEXT NOT NULL,
  planned_by        TEXT NOT NULL,
  scheduled_at      BIGINT,
  zone              TEXT NOT NULL,
  schedule_version  INTEGER NOT NULL,
  due_at            BIGINT,
  lease_owner       TEXT,
  lease_until       BIGINT,
  step              TEXT NOT NULL,
  step_at           BIGINT,
  progress_json     TEXT NOT NULL,
  external_id       TEXT,
  external_url      TEXT,
  tries             INTEGER NOT NULL,
  last_error        TEXT,
  created_at        BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL,
  published_at      BIGINT,
  UNIQUE (media_id, channel_id)
);
CREATE INDEX post_due ON post (state, due_at);
CREATE INDEX post_channel_time ON post (channel_id, scheduled_at);

CREATE TABLE attempt (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  post_id       BIGINT NOT NULL REFERENCES post(id) ON DELETE CASCADE,
  at            BIGINT NOT NULL,
  worker        TEXT NOT NULL,
  step          TEXT NOT NULL,
  request       TEXT NOT NULL,
  status        INTEGER,
  outcome       TEXT NOT NULL,
  detail        TEXT,
  duration_ms   BIGINT NOT NULL
);
CREATE INDEX attempt_post ON attempt (post_id, at);
