package io.alter8.infra.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags of one subcommand: {@code --name value}, {@code --name=value} and boolean {@code --name}. Unknown flags and
 * stray words are errors, so a typo never silently runs with a default.
 */
final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> switches = new HashSet<>();

    private Args() {
    }

    /**
     * @param valueFlags flags that take a value, with their dashes ({@code --data-dir}, {@code -n})
     * @param switchFlags flags without a value ({@code --fresh})
     */
    static Args parse(List<String> args, Set<String> valueFlags, Set<String> switchFlags) {
        Args parsed = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (switchFlags.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                parsed.switches.add(name);
            } else if (valueFlags.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.values.put(name, value);
            } else if (name.startsWith("-")) {
                throw new UsageException("unknown option " + name);
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        return parsed;
    }

    boolean has(String flag) {
        return switches.contains(flag);
    }

    String string(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    Path path(String flag, Path fallback) {
        String value = values.get(flag);
        return value == null ? fallback : Path.of(value);
    }

    int integer(String flag, int fallback, int min, int max) {
        String value = values.get(flag);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, not '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException(flag + " must be between " + min + " and " + max + ", not " + parsed);
        }
        return parsed;
    }

    int port(String flag, int fallback) {
        return integer(flag, fallback, 1, 65_535);
    }
}
