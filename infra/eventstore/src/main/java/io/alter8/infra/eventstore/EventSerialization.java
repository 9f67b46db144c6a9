package io.alter8.infra.eventstore;

import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The JSON format of everything Axon stores: event payloads, metadata, tokens and sagas.
 * <p>
 * Jackson 3 handles records (XStream does not). Axon's own validator lets only {@code org.axonframework.} types be
 * deserialized polymorphically; our messages carry no polymorphic fields today, but tokens wrap each other
 * ({@code ReplayToken}) and sagas will hold our types, so our packages are allowed too — and nothing else.
 */
public final class EventSerialization {

    private EventSerialization() {
    }

    public static Jackson3SerializerCustomizer customizer() {
        return builder -> builder.polymorphicTypeValidator(
                BasicPolymorphicTypeValidator.builder()
                                             .allowIfSubType("org.axonframework.")
                                             .allowIfSubType("io.alter8.")
                                             .build());
    }

    /** The serializer both services use, for tests and tools that work on the store without Spring. */
    public static Serializer serializer() {
        return Jackson3Serializer.builder()
                                 .converter(new ChainingConverter(EventSerialization.class.getClassLoader()))
                                 .jsonMapperBuilderCustomizer(customizer())
                                 .build();
    }
}
