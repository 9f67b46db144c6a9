-- More statistics no plan reads, in the tables that grow with every event and are analysed as often (after every
-- tenth of their size in new rows). An event is looked up by its id through a unique index, which gives the planner
-- its one row without statistics; its time is filtered only as time_stamp::timestamptz, an expression the column's
-- statistics do not describe; its payload revision is never compared. The audit's leaves are read by position (both
-- tables), tree index and aggregate (the tree's): no query compares a leaf's hash or event id. Measured on 184,000
-- events: an ANALYZE of the event store 0.27–0.39 s → 0.20–0.23 s, of each leaf table about 0.12 s → 0.05–0.08 s
-- (docs/decisions.md, "Smaller samples, and fewer statistics, for the tables the bench grows").
ALTER TABLE domain_event_entry
    ALTER COLUMN event_identifier SET STATISTICS 0,
    ALTER COLUMN time_stamp SET STATISTICS 0,
    ALTER COLUMN payload_revision SET STATISTICS 0;
ALTER TABLE audit_leaf
    ALTER COLUMN event_identifier SET STATISTICS 0,
    ALTER COLUMN aggregate_identifier SET STATISTICS 0,
    ALTER COLUMN leaf_hash SET STATISTICS 0;
ALTER TABLE audit_tree_leaf
    ALTER COLUMN event_identifier SET STATISTICS 0,
    ALTER COLUMN leaf_hash SET STATISTICS 0;
