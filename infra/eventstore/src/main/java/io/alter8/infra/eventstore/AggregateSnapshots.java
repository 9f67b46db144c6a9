package io.alter8.infra.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleKeyDeserializers;
import tools.jackson.databind.module.SimpleModule;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.UUID;

/**
 * How aggregate snapshots are written: the same Jackson 3 format as events, but of an aggregate's state, which lives
 * in private fields without getters. So: every field and only fields; the entities an aggregate creates in its
 * constructor ({@code @AggregateMember}, held in final fields) are filled in place rather than replaced, which keeps
 * their reference to the root; and that back-reference is not written (it is the root, a cycle).
 */
public final class AggregateSnapshots {

    private AggregateSnapshots() {
    }

    public static Serializer serializer() {
        return Jackson3Serializer.builder()
                                 .converter(new ChainingConverter(AggregateSnapshots.class.getClassLoader()))
                                 .jsonMapperBuilderCustomizer(AggregateSnapshots::configure)
                                 .build();
    }

    private static void configure(JsonMapper.Builder builder) {
        EventSerialization.customizer().accept(builder);
        builder.changeDefaultVisibility(v -> v.withFieldVisibility(Visibility.ANY)
                                              .withGetterVisibility(Visibility.NONE)
                                              .withIsGetterVisibility(Visibility.NONE)
                                              .withSetterVisibility(Visibility.NONE))
               // Jackson 3 leaves final fields alone by default.
               .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
               .defaultMergeable(true)
               // A snapshot of another shape fails to load rather than restoring half a state.
               .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
               .annotationIntrospector(new RootReferenceIgnored())
               .addModule(new SimpleModule("typed-id-keys").setKeyDeserializers(new TypedIdKeys()));
    }

    /**
     * Maps keyed by a typed id ({@code Map<UserId, …>}): the key is written as the id's text; read back through the
     * record's one component, a UUID or a string.
     */
    private static final class TypedIdKeys extends SimpleKeyDeserializers {

        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                                                   BeanDescription.Supplier description) {
            RecordComponent[] components = type.getRawClass().getRecordComponents();
            if (components == null || components.length != 1
                    || !(components[0].getType() == UUID.class || components[0].getType() == String.class)) {
                return super.findKeyDeserializer(type, config, description);
            }
            Class<?> component = components[0].getType();
            Constructor<?> constructor;
            try {
                constructor = type.getRawClass().getDeclaredConstructor(component);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                return super.findKeyDeserializer(type, config, description);
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) {
                    try {
                        return constructor.newInstance(component == UUID.class ? UUID.fromString(key) : key);
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        return context.handleWeirdKey(type.getRawClass(), key, "not a %s: %s",
                                                      type.getRawClass().getSimpleName(), e);
                    }
                }
            };
        }
    }

    /** A field of an entity that points at its aggregate root is set by the root's constructor, never stored. */
    private static final class RootReferenceIgnored extends JacksonAnnotationIntrospector {

        @Override
        public boolean hasIgnoreMarker(MapperConfig<?> config, AnnotatedMember member) {
            if (member instanceof AnnotatedField field
                    && !AnnotationUtils.isAnnotationPresent(field.getDeclaringClass(), AggregateRoot.class)
                    && AnnotationUtils.isAnnotationPresent(field.getRawType(), AggregateRoot.class)) {
                return true;
            }
            return super.hasIgnoreMarker(config, member);
        }
    }
}
