package io.alter8.query;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Makes sure the event store schema exists before the query side's processors start reading it. */
public class EventStoreSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EventStoreFixture.shared();
    }
}
