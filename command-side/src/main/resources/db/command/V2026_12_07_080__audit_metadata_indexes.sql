-- The global audit log's filters on who sent an event (user) and what request it belongs to (correlation id), and
-- the why-timeline of one correlation id, read the event's metadata. Without an index each of them read every event
-- until it found a page (docs/audit.md, "Figures").

-- One value of an event's metadata (UTF-8 JSON, as Axon stores it). Immutable, so that it can be indexed: it depends
-- on its arguments only. Metadata that is not JSON gives null rather than an error, so that no writer is ever refused
-- a stored event because of an audit index.
CREATE FUNCTION event_metadata(meta_data BYTEA, name TEXT) RETURNS TEXT
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    RETURN convert_from(meta_data, 'UTF8')::jsonb ->> name;
EXCEPTION WHEN data_exception THEN
    RETURN NULL;
END
$$;

-- With the position second, a page of one user's or one correlation's events after a position is a range scan that
-- stops after the page, however far into the log.
CREATE INDEX domain_event_entry_user ON domain_event_entry (event_metadata(meta_data, 'userId'), global_index);
CREATE INDEX domain_event_entry_correlation
    ON domain_event_entry (event_metadata(meta_data, 'correlationId'), global_index);
