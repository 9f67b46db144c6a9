package io.alter8.query.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes to a MongoDB view whose documents each keep the event {@code sequence} last applied to them: MongoDB cannot
 * commit with the processor's token, so a write applies only while the document's sequence is below the event's,
 * and an event delivered again, or late, changes nothing. The one way the Mongo views are written.
 */
public final class SequencedDocuments {

    private final MongoCollection<Document> collection;

    public SequencedDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Puts {@code view} (with its {@code _id} and {@code sequence}) in place, unless one as new or newer is there. */
    public void replace(Document view) {
        long sequence = view.get("sequence", Number.class).longValue();
        try {
            collection.replaceOne(Filters.and(Filters.eq("_id", view.get("_id")), Filters.lt("sequence", sequence)),
                                  view, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // A view at this sequence or later exists: the upsert tried to insert its id again. Nothing to do.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Applies {@code updates} to document {@code id} if it is older than {@code sequence}; {@code at} the update time. */
    public void update(String id, long sequence, Instant at, List<Bson> updates) {
        List<Bson> all = new ArrayList<>(updates);
        all.add(Updates.set("sequence", sequence));
        if (at != null) {
            all.add(Updates.set("updatedAt", Date.from(at)));
        }
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("sequence", sequence)),
                             Updates.combine(all));
    }
}
