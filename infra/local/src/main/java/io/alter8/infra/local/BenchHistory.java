package io.alter8.infra.local;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The history of bench runs, kept in the repository ({@code bench/results.jsonl}): one JSON line per run with the
 * commit it measured, so a regression shows in review. Not a gate: timings on a shared machine are noisy, which is
 * why every line carries the load average and the machine's own commit rate beside the figures.
 */
final class BenchHistory {

    private final Path file;
    private final JsonMapper json;

    BenchHistory(Path file, JsonMapper json) {
        this.file = file;
        this.json = json;
    }

    /** {@code figures} as one line, led by the commit and whether the work tree had changes. */
    String line(String commit, boolean dirty, Map<String, Object> figures) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("commit", commit);
        entry.put("dirty", dirty);
        entry.putAll(figures);
        // The mapper writes no line breaks unless told to indent, so one run is one line.
        return json.writeValueAsString(entry);
    }

    /** Appends the line and returns it. */
    String append(String commit, boolean dirty, Map<String, Object> figures) {
        String line = line(commit, dirty, figures);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                              StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }

    /** The commit checked out in {@code repository}, or "unknown" outside a git work tree. */
    static String commit(Path repository) {
        String head = git(repository, "rev-parse", "HEAD");
        return head.isEmpty() ? "unknown" : head;
    }

    /** Whether tracked files differ from the commit: then the figures are of code no commit holds. */
    static boolean dirty(Path repository) {
        return !git(repository, "status", "--porcelain", "--untracked-files=no").isEmpty();
    }

    private static String git(Path repository, String... arguments) {
        String[] command = new String[arguments.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repository.toString();
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
