package io.alter8.architecture;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shape each stored revision of an event has: its fields, in order, with their types, and the fields of the
 * project's records inside it, down to plain values ({@code stored-event-shapes.txt}). A stored event is read back
 * by the shape of its revision, so a revision's shape may only grow by fields at its end (which older events lack,
 * read as null); any other change needs a new revision and an upcaster from the old one.
 */
record StoredEventShapes(Map<String, String> shapeByNameAndRevision) {

    static final String RESOURCE = "/stored-event-shapes.txt";

    static StoredEventShapes committed() {
        return parse(StoredEventTypes.resource(RESOURCE));
    }

    /** Lines of {@code name revision shape}; blank lines and {@code #} comments are skipped. */
    static StoredEventShapes parse(String text) {
        Map<String, String> shapes = new LinkedHashMap<>();
        for (String[] words : StoredEventTypes.lines(text)) {
            if (words.length != 3) {
                throw new IllegalArgumentException("not 'name revision shape': '" + String.join(" ", words) + "'");
            }
            if (shapes.put(words[0] + " " + words[1], words[2]) != null) {
                throw new IllegalArgumentException(words[0] + " " + words[1] + " is listed twice");
            }
        }
        return new StoredEventShapes(shapes);
    }

    /**
     * What changed a stored revision's shape, or is not listed yet.
     *
     * @param current every event type in the code: name and revision, and its shape ({@link #of(Class)})
     */
    List<String> problems(Map<String, String> current) {
        List<String> problems = new ArrayList<>();
        current.forEach((nameAndRevision, shape) -> {
            String recorded = shapeByNameAndRevision.get(nameAndRevision);
            if (recorded == null) {
                problems.add(nameAndRevision + " has no shape in " + RESOURCE + ": add the line '" + nameAndRevision
                             + " " + shape + "'");
            } else if (!recorded.equals(shape) && extendsAtTheEnd(recorded, shape)) {
                problems.add(nameAndRevision + " gained fields at its end, which events stored before read as null: "
                             + "add a test reading the old stored form, then update its line to '" + nameAndRevision
                             + " " + shape + "'");
            } else if (!recorded.equals(shape)) {
                problems.add(nameAndRevision + " no longer has the shape its stored events have (" + recorded
                             + ", now " + shape + "): raise its @Revision, write an upcaster from this revision "
                             + "(infra/eventstore, with a test reading the old stored form), and add a line for the "
                             + "new revision");
            }
        });
        return problems;
    }

    /** Whether {@code now} is {@code recorded} with more fields after its last one (and nothing else changed). */
    static boolean extendsAtTheEnd(String recorded, String now) {
        return recorded.endsWith("}") && now.startsWith(recorded.substring(0, recorded.length() - 1) + ",");
    }

    /** The shape of an event class: {@code {field:Type,…}}, the project's records expanded, collections as {@code [T]}. */
    static String of(Class<?> event) {
        return shape(event, new HashSet<>());
    }

    private static String shape(Type type, Set<Class<?>> expanding) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return "[" + shape(arguments[0], expanding) + "]";
            }
            if (Map.class.isAssignableFrom(raw)) {
                return "{*:" + shape(arguments[1], expanding) + "}";
            }
            return raw.getSimpleName();
        }
        if (type instanceof GenericArrayType array) {
            return "[" + shape(array.getGenericComponentType(), expanding) + "]";
        }
        if (!(type instanceof Class<?> plain)) {
            return type.getTypeName();
        }
        if (plain.isArray()) {
            return "[" + shape(plain.getComponentType(), expanding) + "]";
        }
        if (!plain.isRecord() || !plain.getName().startsWith("io.alter8.") || !expanding.add(plain)) {
            return plain.getSimpleName();
        }
        String fields = Arrays.stream(plain.getRecordComponents())
                              .map(c -> c.getName() + ":" + shape(c.getGenericType(), expanding))
                              .collect(Collectors.joining(","));
        expanding.remove(plain);
        return "{" + fields + "}";
    }
}
