-- The Merkle tree over the event log (docs/audit.md), grown by io.alter8.command.audit.MerkleLog.

-- The tree's leaves in tree order: the events in position order, positions that never committed left out.
CREATE TABLE audit_tree_leaf (
    tree_index           BIGINT       PRIMARY KEY,
    position             BIGINT       NOT NULL UNIQUE,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    leaf_hash            BYTEA        NOT NULL
);
-- One entity's verification reads its leaves.
CREATE INDEX audit_tree_leaf_aggregate ON audit_tree_leaf (aggregate_identifier, position);

-- Hashes of complete subtrees of 16 leaves or more (level 4 and up), so that a proof reads a few dozen rows
-- however long the log is; smaller subtrees are hashed from their leaves.
CREATE TABLE audit_tree_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Signed checkpoints: the tree's size and root at a time, signed with the platform's Ed25519 key.
CREATE TABLE audit_checkpoint (
    tree_size BIGINT      PRIMARY KEY,
    root_hash BYTEA       NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    key_id    VARCHAR(32) NOT NULL,
    signature BYTEA       NOT NULL
);
