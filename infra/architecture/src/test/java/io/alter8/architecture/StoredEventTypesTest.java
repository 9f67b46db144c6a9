package io.alter8.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import org.axonframework.serialization.SerializedType;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event classes are a permanent contract: their fully qualified names and revisions are in the event store. Every
 * name and revision in {@code stored-event-types.txt} must still be readable — by a class of that name and revision,
 * or by an upcaster in {@code io.alter8.infra.eventstore} that names it — and every event class must be listed.
 */
@AnalyzeClasses(packages = "io.alter8", importOptions = ImportOption.DoNotIncludeTests.class)
class StoredEventTypesTest {

    private static final String REVISION = "org.axonframework.serialization.Revision";
    private static final String EVENT_HANDLER = "org.axonframework.eventhandling.EventHandler";
    private static final String UPCASTER = "org.axonframework.serialization.upcasting.Upcaster";
    private static final String UPCASTERS_PACKAGE = "io.alter8.infra.eventstore";

    @ArchTest
    static void everyStoredEventTypeIsStillReadable(JavaClasses classes) {
        assertThat(StoredEventTypes.committed().problems(eventTypes(classes), upcastTypeNames(classes))).isEmpty();
    }

    @ArchTest
    static void everyHandledEventCarriesARevision(JavaClasses classes) {
        assertThat(handledTypes(classes)).isNotEmpty().allSatisfy(type -> assertThat(type.isAnnotatedWith(REVISION))
                .as("%s is handled as an event but has no @Revision", type.getName()).isTrue());
    }

    /** Every class with a {@code @Revision}, and every type of ours an event handler takes, by its revision. */
    static Map<String, String> eventTypes(JavaClasses classes) {
        Map<String, String> types = new TreeMap<>();
        for (JavaClass type : classes) {
            if (type.isAnnotatedWith(REVISION)) {
                types.put(type.getName(), type.getAnnotationOfType(REVISION).get("value").orElseThrow().toString());
            }
        }
        for (JavaClass type : handledTypes(classes)) {
            types.putIfAbsent(type.getName(), "(none)");
        }
        return types;
    }

    private static Set<JavaClass> handledTypes(JavaClasses classes) {
        Set<JavaClass> handled = new TreeSet<>(Comparator.comparing(JavaClass::getName));
        for (JavaClass type : classes) {
            for (JavaMethod method : type.getMethods()) {
                boolean handler = method.isAnnotatedWith(EVENT_HANDLER) || method.isMetaAnnotatedWith(EVENT_HANDLER);
                if (handler && !method.getRawParameterTypes().isEmpty()) {
                    JavaClass payload = method.getRawParameterTypes().get(0);
                    if (payload.getPackageName().startsWith("io.alter8.")) {
                        handled.add(payload);
                    }
                }
            }
        }
        return handled;
    }

    /** The type names the upcasters name in their constants (a name, or a name and revision). */
    static Set<String> upcastTypeNames(JavaClasses classes) {
        Set<String> names = new TreeSet<>();
        for (JavaClass type : classes) {
            if (type.getPackageName().equals(UPCASTERS_PACKAGE) && type.isAssignableTo(UPCASTER)
                && !type.isInterface() && !type.getModifiers().contains(JavaModifier.ABSTRACT)) {
                for (Field field : type.reflect().getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        Object value = constant(field);
                        if (value instanceof String name) {
                            names.add(name);
                        } else if (value instanceof SerializedType serialized) {
                            names.add(serialized.getName());
                        } else if (value instanceof Collection<?> several) {
                            // One upcaster for several types names them in a list.
                            several.stream().filter(String.class::isInstance).map(String.class::cast)
                                   .forEach(names::add);
                        }
                    }
                }
            }
        }
        assertThat(names).as("upcasters found in " + UPCASTERS_PACKAGE).isNotEmpty();
        return names;
    }

    private static Object constant(Field field) {
        try {
            field.setAccessible(true);
            return field.get(null);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
