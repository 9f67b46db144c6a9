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

    /**
     * Whether {@code now} is {@code recorded} with more fields after the last one of the event or of any record inside
     * it (and nothing else changed): the serializer reads fields by name, so a stored payload lacking them reads them
     * as null at any depth.
     */
    static boolean extendsAtTheEnd(String recorded, String now) {
        try {
            Cursor old = new Cursor(recorded);
            Cursor current = new Cursor(now);
            return grows(old, current) && old.done() && current.done();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Compares one shape at each cursor, advancing both past it. */
    private static boolean grows(Cursor old, Cursor now) {
        char opening = old.peek();
        if (opening != now.peek()) {
            return false;
        }
        if (opening == '[') {
            old.expect('[');
            now.expect('[');
            boolean same = grows(old, now);
            old.expect(']');
            now.expect(']');
            return same;
        }
        if (opening != '{') {
            return old.name().equals(now.name());
        }
        old.expect('{');
        now.expect('{');
        boolean first = true;
        while (old.peek() != '}') {
            if (!first) {
                old.expect(',');
                if (now.peek() != ',') {
                    return false;
                }
                now.expect(',');
            }
            first = false;
            if (!old.name().equals(now.name())) {
                return false;
            }
            old.expect(':');
            now.expect(':');
            if (!grows(old, now)) {
                return false;
            }
        }
        old.expect('}');
        while (now.peek() != '}') {
            now.skipShapeOrSeparator();
        }
        now.expect('}');
        return true;
    }

    /** A position in a shape string. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        boolean done() {
            return at == text.length();
        }

        char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("shape ends early");
            }
            return text.charAt(at);
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
            at++;
        }

        String name() {
            int from = at;
            while (at < text.length() && "{}[],:".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(from, at);
        }

        /** Skips one character of added fields, keeping nested brackets balanced. */
        void skipShapeOrSeparator() {
            char c = peek();
            if (c == '{' || c == '[') {
                int depth = 0;
                do {
                    char d = peek();
                    depth += d == '{' || d == '[' ? 1 : d == '}' || d == ']' ? -1 : 0;
                    at++;
                } while (depth > 0);
            } else {
                at++;
            }
        }
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
