package io.alter8.query.mongo;

import java.time.Instant;
import java.util.Date;

/** Values as the query side's MongoDB read models store them, read back into the API's types. */
public final class MongoValues {

    private MongoValues() {
    }

    /** A stored date (BSON dates come back as {@link Date}) as an instant; null stays null. */
    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
