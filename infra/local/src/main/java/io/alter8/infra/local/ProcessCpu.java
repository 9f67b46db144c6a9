package io.alter8.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * CPU time of the stack's processes, read from Linux's {@code /proc}: the benchmark shares the machine with what it
 * measures, so it reports what each process spent. A process is found by the TCP port it listens on, so the
 * benchmark needs no handle on the launcher that started it.
 */
final class ProcessCpu {

    private static final Path PROC = Path.of("/proc");
    /** {@code /proc/net/tcp}'s state of a listening socket. */
    private static final String LISTEN = "0A";

    private final long ticksPerSecond;

    private ProcessCpu(long ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Present where {@code /proc} is (Linux); elsewhere the benchmark reports no CPU figures. */
    static Optional<ProcessCpu> onThisMachine() {
        if (!Files.isReadable(PROC.resolve("self/stat"))) {
            return Optional.empty();
        }
        return Optional.of(new ProcessCpu(clockTicks()));
    }

    /** CPU ticks of one process, user plus system, from one line of {@code /proc/<pid>/stat}. */
    record Ticks(long own, long reapedChildren) {
    }

    /**
     * Parses {@code /proc/<pid>/stat}: utime and stime (fields 14, 15) are the process's own; cutime and cstime (16,
     * 17) those of its children that ended and were waited for. The command name (field 2) may hold spaces and
     * parentheses, so fields are counted from its last closing parenthesis.
     */
    static Ticks parseStat(String line) {
        int end = line.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        String[] f = line.substring(end + 1).strip().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3].
        return new Ticks(Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14]));
    }

    /** The socket inodes listening on {@code port} in the text of {@code /proc/net/tcp} or {@code tcp6}. */
    static Set<Long> listeningInodes(String procNetTcp, int port) {
        Set<Long> inodes = new HashSet<>();
        for (String line : procNetTcp.split("\n")) {
            String[] f = line.strip().split("\\s+");
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if (f.length < 10 || !f[0].endsWith(":")) {
                continue;
            }
            int colon = f[1].lastIndexOf(':');
            if (colon < 0 || !LISTEN.equals(f[3])) {
                continue;
            }
            if (Integer.parseInt(f[1].substring(colon + 1), 16) == port) {
                inodes.add(Long.parseLong(f[9]));
            }
        }
        return inodes;
    }

    /** The process listening on {@code port}, if one of this user's processes does. */
    OptionalLong listener(int port) {
        Set<String> sockets = new HashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                listeningInodes(Files.readString(PROC.resolve(table)), port)
                        .forEach(inode -> sockets.add("socket:[" + inode + "]"));
            } catch (IOException e) {
                // No IPv6 table: nothing listens there.
            }
        }
        if (sockets.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                if (holdsAny(process.resolve("fd"), sockets)) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return OptionalLong.empty();
    }

    private static boolean holdsAny(Path fds, Set<String> sockets) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(fds)) {
            for (Path fd : descriptors) {
                try {
                    if (sockets.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException e) {
                    // Closed meanwhile.
                }
            }
        } catch (IOException | SecurityException e) {
            // Another user's process, or ended: not ours to measure.
        }
        return false;
    }

    /**
     * CPU seconds used so far by a process, and with {@code withChildren} by its children too: PostgreSQL serves each
     * connection from a child of the postmaster, and a child that ended is counted in its parent's reaped time.
     */
    double seconds(long pid, boolean withChildren) {
        Ticks ticks = ticks(pid);
        long total = ticks.own();
        if (withChildren) {
            total += ticks.reapedChildren();
            List<Long> children = new ArrayList<>();
            ProcessHandle.of(pid).ifPresent(p -> p.children().forEach(child -> children.add(child.pid())));
            for (long child : children) {
                try {
                    total += ticks(child).own();
                } catch (UncheckedIOException e) {
                    // Ended between listing and reading: its time is in the reaped figure once waited for.
                }
            }
        }
        return (double) total / ticksPerSecond;
    }

    /**
     * CPU seconds used so far by the threads of a process with one of {@code names} (Linux's name of a thread, which
     * keeps its first 15 characters), those still running; empty if it has none.
     */
    OptionalDouble threadSeconds(long pid, Set<String> names) {
        long total = 0;
        boolean found = false;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    if (names.contains(Files.readString(task.resolve("comm")).strip())) {
                        total += parseStat(Files.readString(task.resolve("stat"))).own();
                        found = true;
                    }
                } catch (IOException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
        return found ? OptionalDouble.of((double) total / ticksPerSecond) : OptionalDouble.empty();
    }

    private static Ticks ticks(long pid) {
        try {
            return parseStat(Files.readString(PROC.resolve(pid + "/stat")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Linux's USER_HZ; 100 on every mainstream kernel, asked of {@code getconf} to be sure. */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
