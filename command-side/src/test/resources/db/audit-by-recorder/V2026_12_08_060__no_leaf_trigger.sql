-- Only for AuditThroughEventStoreTest's schema: as under Axon Server, no trigger records a leaf when an event is
-- stored, so every leaf in audit_leaf is one the leaf recorder wrote from the event as Axon's EventStore read it.
DROP TRIGGER domain_event_entry_audit_leaf ON domain_event_entry;
