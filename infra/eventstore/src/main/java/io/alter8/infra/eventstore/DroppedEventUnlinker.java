package io.alter8.infra.eventstore;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Cuts the link from each event Axon's embedded store has dropped from its cache to the event after it.
 * <p>
 * The cache is a linked list: every node holds the next one, and dropping the oldest only moves the store's
 * {@code oldest} pointer past it. A dropped node that a young collection had already promoted stays in the old
 * generation until a full collection, and its link keeps the next node alive, which keeps the one after it alive,
 * and so on up to the newest event. Every young collection then copies every event stored since, with its bytes and
 * payload, and promotes them, so the chain never ends. The query side's young pauses grew to 100–300 ms under
 * 300 commands a second, with the old generation filling with events long dropped.
 * <p>
 * Axon's nodes are private, so this reaches them through variable handles. If a release of Axon renames them, the
 * unlinker logs that once and does nothing: the store works as before, only its collections are slower.
 * <p>
 * Safe for the store's readers: only nodes older than the cache's oldest are cut, and a reader still on one of
 * those is behind the cache, which it checks before every read, and then reads the store itself from its token.
 * A reader that passed that check just before the node was dropped finds no next event once, and checks again.
 */
final class DroppedEventUnlinker {

    private static final Logger log = LoggerFactory.getLogger(DroppedEventUnlinker.class);
    private static final Handles HANDLES = Handles.find();

    private final EmbeddedEventStore store;
    /** The oldest cached node as last seen: where the next walk starts. Touched by one thread, the watcher. */
    private Object cursor;

    DroppedEventUnlinker(EmbeddedEventStore store) {
        this.store = store;
    }

    /** Whether this Axon release has the nodes this class expects. */
    static boolean available() {
        return HANDLES != null;
    }

    /** Cuts the links of the nodes dropped since the last call. Called by one thread at a time. */
    void unlinkDropped() {
        if (HANDLES == null) {
            return;
        }
        Object oldest = HANDLES.oldest.getVolatile(store);
        if (oldest == null) {
            return;
        }
        long kept = (long) HANDLES.index.get(oldest);
        Object node = cursor == null ? oldest : cursor;
        while (node != null && (long) HANDLES.index.get(node) < kept) {
            Object next = HANDLES.next.getVolatile(node);
            HANDLES.next.setVolatile(node, null);
            node = next;
        }
        // Not reaching the oldest means the store's list was replaced: start again from its oldest next time.
        cursor = node == oldest ? oldest : null;
    }

    /** The node at the cache's far end, for tests. */
    Object oldestNode() {
        return HANDLES == null ? null : HANDLES.oldest.getVolatile(store);
    }

    /** The node a node links to, for tests. */
    static Object nextOf(Object node) {
        return HANDLES.next.getVolatile(node);
    }

    private record Handles(VarHandle oldest, VarHandle next, VarHandle index) {

        static Handles find() {
            try {
                Class<?> node = Class.forName(EmbeddedEventStore.class.getName() + "$Node");
                MethodHandles.Lookup storeLookup = MethodHandles.privateLookupIn(EmbeddedEventStore.class,
                                                                                 MethodHandles.lookup());
                MethodHandles.Lookup nodeLookup = MethodHandles.privateLookupIn(node, MethodHandles.lookup());
                return new Handles(storeLookup.findVarHandle(EmbeddedEventStore.class, "oldest", node),
                                   nodeLookup.findVarHandle(node, "next", node),
                                   nodeLookup.findVarHandle(node, "index", long.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.warn("Axon's event cache has changed shape; dropped events keep their links ({})", e.toString());
                return null;
            }
        }
    }
}
