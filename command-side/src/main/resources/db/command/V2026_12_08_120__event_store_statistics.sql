-- The planner needs no statistics of an event's payload and metadata: no query compares them. Autovacuum analyses
-- the event store again after every tenth of its size in new events, sampling up to 30,000 of them; half of that work
-- went to the two metadata indexes, whose expression parses each sampled event's metadata as JSON (a PL/pgSQL call
-- with an exception block, twice per event). A lookup by user or correlation id reads its index by value and then
-- position whatever the estimate, so the statistics are dropped with their cost (measured: 0.49 s → 0.25 s per
-- ANALYZE of 184,000 events; docs/decisions.md, "Statistics only where a plan uses them").
ALTER TABLE domain_event_entry
    ALTER COLUMN payload SET STATISTICS 0,
    ALTER COLUMN meta_data SET STATISTICS 0;
ALTER INDEX domain_event_entry_user ALTER COLUMN 1 SET STATISTICS 0;
ALTER INDEX domain_event_entry_correlation ALTER COLUMN 1 SET STATISTICS 0;
