-- Until it is sent, a post follows its clip: the worker takes the copy of clip.json (its channel's platform variant)
-- just before uploading. Once its own text is edited on the calendar (copy_edited = 1), that text is sent instead.
ALTER TABLE post ADD COLUMN copy_edited INTEGER NOT NULL DEFAULT 0;
