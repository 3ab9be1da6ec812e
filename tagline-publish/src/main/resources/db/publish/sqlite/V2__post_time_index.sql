-- The calendar reads a month of posts by time across all channels (post_channel_time leads with channel_id); with
-- state in the index, counting and ranking a day's posts never touches the table.
CREATE INDEX post_time ON post (scheduled_at, state);
