package io.alter8.query.mongo;

import io.alter8.api.common.UserId;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** Values of a view's MongoDB document as the views' records take them; absent fields as null (or 0). */
public final class MongoFields {

    private MongoFields() {
    }

    public static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    public static UserId user(String id) {
        return id == null ? null : UserId.of(id);
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
