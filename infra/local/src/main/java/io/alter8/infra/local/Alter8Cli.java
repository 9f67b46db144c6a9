package io.alter8.infra.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code alter8 run | bench | seed | check | bench-search | token | processors | audit}: the local stack, its benchmarks and
 * its operations, in one runnable jar ({@code ./alter8} starts it).
 */
public final class Alter8Cli {

    static final String USAGE = """
            Usage: alter8 <command> [options]

            Commands:
              run     start the stores and both services on this machine, until Ctrl-C
              bench   measure a running stack: command throughput and latency, projection lag, rebuild speed
              seed    fill a running stack with listings (100,000 by default) through the bulk import, and leases
              check   check a running stack: every lease's ledger totals against the sum of its events
              bench-search  measure listing search on a seeded stack: five filter mixes, uncached and cached
              token   print an access token for the local stack, for curl
              processors  list processing groups, handle dead letters, rebuild a read model blue/green
              audit   verify an audit export or proof offline (audit verify FILE), or time the audit routes

            alter8 <command> --help shows the options of a command.
            """;

    private Alter8Cli() {
    }

    public static void main(String[] args) {
        System.exit(execute(Arrays.asList(args)));
    }

    static int execute(List<String> args) {
        if (args.isEmpty() || isHelp(args.get(0))) {
            Console.say("{}", USAGE.stripTrailing());
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (rest.stream().anyMatch(Alter8Cli::isHelp)) {
            Console.say("{}", usageOf(command).stripTrailing());
            return 0;
        }
        try {
            switch (command) {
                case "run":
                    return RunCommand.run(rest, home(), System.getenv());
                case "bench":
                    return BenchCommand.run(rest);
                case "seed":
                    return SeedCommand.run(rest);
                case "check":
                    return CheckCommand.run(rest);
                case "bench-search":
                    return SearchBenchCommand.run(rest);
                case "token":
                    return TokenCommand.run(rest, home());
                case "processors":
                    return ProcessorsCommand.run(rest);
                case "audit":
                    return AuditCommand.run(rest);
                default:
                    throw new UsageException("unknown command '" + command + "'");
            }
        } catch (UsageException e) {
            Console.error("alter8: {}", e.getMessage());
            Console.error("Run 'alter8 {} --help' for the options.", knownCommand(command) ? command : "");
            return 2;
        }
    }

    private static String usageOf(String command) {
        switch (command) {
            case "run":
                return RunCommand.USAGE;
            case "bench":
                return BenchCommand.USAGE;
            case "seed":
                return SeedCommand.USAGE;
            case "check":
                return CheckCommand.USAGE;
            case "bench-search":
                return SearchBenchCommand.USAGE;
            case "token":
                return TokenCommand.USAGE;
            case "processors":
                return ProcessorsCommand.USAGE;
            case "audit":
                return AuditCommand.USAGE;
            default:
                return USAGE;
        }
    }

    private static boolean knownCommand(String command) {
        return List.of("run", "bench", "seed", "check", "bench-search", "token", "processors", "audit").contains(command);
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /**
     * The repository the defaults are relative to: the {@code ./alter8} script passes it, so the stack can be started
     * from any directory; without it, the working directory.
     */
    static Path home() {
        return Path.of(System.getProperty("alter8.home", "")).toAbsolutePath().normalize();
    }

    /** The local stack's data directory under {@link #home()}: keys, logs, stores, what seeding remembers. */
    static Path dataDir() {
        return home().resolve(".alter8-data");
    }
}
