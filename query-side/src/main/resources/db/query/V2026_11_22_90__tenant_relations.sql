-- Tenants related to properties (issue 3: an owner sees the profile of a tenant who leased or applied to one of their
-- properties), kept by the tenant-relations processor. One row per tenant, property, kind and lease/unit:
-- 'leased' from the property's occupancy events (lease and unit set), 'applied' once applications exist (lease and
-- unit may be null). The owner is not copied here: queries join property_listing, so this read model does not
-- depend on the catalog's progress, and a rebuild of either leaves the other alone.
CREATE TABLE tenant_relation (
    tenant_id   UUID        NOT NULL,
    property_id UUID        NOT NULL,
    relation    VARCHAR(10) NOT NULL CHECK (relation IN ('leased', 'applied')),
    lease_id    UUID,
    unit_id     UUID,
    since       TIMESTAMPTZ NOT NULL,
    -- null while the relation lasts; a vacated unit ends its lease's rows, which stay (past tenants stay visible)
    ended_at    TIMESTAMPTZ,
    -- sequence number of the last event applied to the row, from the aggregate that records the relation
    version     BIGINT      NOT NULL,
    -- The key of the upserts. Nulls are equal here, so a relation without lease or unit is one row however often it
    -- is written; a primary key cannot be declared on columns that may be null.
    CONSTRAINT tenant_relation_key UNIQUE NULLS NOT DISTINCT (tenant_id, property_id, relation, lease_id, unit_id)
);

-- "Is tenant T related to owner X": the key's tenant_id prefix gives T's properties, each checked by the listing's
-- primary key. "Tenants of owner X": the owner's properties (property_listing_owner), then their relations here,
-- newest first. Vacating a unit finds its lease's rows here too.
CREATE INDEX tenant_relation_property ON tenant_relation (property_id, since DESC);
