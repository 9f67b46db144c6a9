package io.alter8.query;

import io.alter8.infra.stack.EmbeddedStackInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query side on a real port, reading the shared embedded stack's event store and keeping its read models in the
 * same database (schema query_side). One Spring context for all such tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "alter8.await.timeout=2s")
@ContextConfiguration(initializers = {EmbeddedStackInitializer.class, EventStoreSchemaInitializer.class})
public @interface QuerySideTest {
}
