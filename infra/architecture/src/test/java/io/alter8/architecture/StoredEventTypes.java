package io.alter8.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed list of every event type ever stored: its fully qualified name (what the event store keeps in
 * {@code payload_type}) and every revision stored under that name, oldest first. Stored events are never rewritten,
 * so a name or revision leaves the code only if an upcaster still reads it.
 */
record StoredEventTypes(Map<String, List<String>> revisionsByName) {

    static final String RESOURCE = "/stored-event-types.txt";

    static StoredEventTypes committed() {
        return parse(resource(RESOURCE));
    }

    /** Lines of {@code name revision...}; blank lines and {@code #} comments are skipped. */
    static StoredEventTypes parse(String text) {
        Map<String, List<String>> revisions = new LinkedHashMap<>();
        for (String[] words : lines(text)) {
            if (words.length < 2) {
                throw new IllegalArgumentException("no revision on the line '" + String.join(" ", words) + "'");
            }
            if (revisions.put(words[0], List.of(Arrays.copyOfRange(words, 1, words.length))) != null) {
                throw new IllegalArgumentException(words[0] + " is listed twice");
            }
        }
        return new StoredEventTypes(revisions);
    }

    /** A committed list from the test classpath. */
    static String resource(String name) {
        try (InputStream in = StoredEventTypes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** The words of each line of a list, without blank lines and {@code #} comments. */
    static List<String[]> lines(String text) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                lines.add(trimmed.split("\\s+"));
            }
        }
        return lines;
    }

    /**
     * What would leave stored events unreadable, or leave the list incomplete.
     *
     * @param current        every event type in the code, with its {@code @Revision}
     * @param upcastTypeNames every type name an upcaster names: the stored names it still reads
     */
    List<String> problems(Map<String, String> current, Set<String> upcastTypeNames) {
        List<String> problems = new ArrayList<>();
        revisionsByName.forEach((name, revisions) -> {
            String latest = revisions.get(revisions.size() - 1);
            String now = current.get(name);
            if (now == null) {
                if (!upcastTypeNames.contains(name)) {
                    problems.add(name + " is stored but no longer in the code, and no upcaster reads it: a moved or"
                                 + " renamed event needs an upcaster from its old name");
                }
                return;
            }
            if (!now.equals(latest)) {
                problems.add(name + " is revision " + now + " in the code but " + latest + " in " + RESOURCE
                             + ": add an upcaster from " + latest + " (naming " + name + "), then append " + now
                             + " to its line");
            } else if (revisions.size() > 1 && !upcastTypeNames.contains(name)) {
                problems.add(name + " was stored as revision " + revisions.subList(0, revisions.size() - 1)
                             + " and no upcaster reads it");
            }
        });
        current.forEach((name, revision) -> {
            if (!revisionsByName.containsKey(name)) {
                problems.add(name + " is not in " + RESOURCE + ": add the line '" + name + " " + revision + "'");
            }
        });
        return problems;
    }
}
