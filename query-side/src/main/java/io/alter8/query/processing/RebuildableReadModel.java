package io.alter8.query.processing;

import java.util.List;

/**
 * A read model kept in PostgreSQL tables that can be rebuilt blue/green ({@link BlueGreenRebuilds}): a copy of its
 * tables is filled from the event store by a second processor while these keep answering, then takes their place in
 * one transaction. Implemented by the projector, which knows what it writes.
 */
public interface RebuildableReadModel {

    /** The processing group whose projector writes the tables. */
    String processingGroup();

    /** Every table the projector writes (and only those): they are copied, filled and switched together. */
    List<String> tables();

    /**
     * The tables among {@link #tables()} whose copies are filled without their non-unique indexes, which are built
     * once, after the fill: only tables the projector's statements find rows of by their key alone (an upsert's
     * conflict target, an update by key), never through another index. A table another statement reads by other
     * columns (a count of a listing's units) keeps its indexes while it fills, or each such read scans it whole.
     */
    default List<String> indexedAfterFill() {
        return List.of();
    }

    /**
     * Runs once, after the switch has committed: evict the caches fed by the old tables. The projector's own
     * evictions are skipped while it fills the copy ({@link ShadowTransaction#active()}): nothing reads the copy yet.
     */
    default void afterSwitch() {
    }
}
