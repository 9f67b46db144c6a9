package io.alter8.query.processing;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB readiness by {@code ping}, which real MongoDB and the embedded MongoDB-compatible server both answer
 * (Boot's own indicator sends {@code hello}, which the embedded server does not know; it is switched off).
 */
@Component("mongoHealthIndicator")
class MongoHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoHealth(MongoTemplate mongo) {
        super("MongoDB is not reachable");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN")
               .withDetail("database", mongo.getDb().getName());
    }
}
