package io.alter8.infra.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts of the local stack that need no running services. */
class LocalStackTest {

    @TempDir
    Path tmp;

    @Test
    void freshEmptiesADataDirectoryItCreated() throws IOException {
        Path dir = tmp.resolve("data");
        LocalStack.prepareDataDir(dir, false);
        Files.writeString(dir.resolve("logs").resolve("command-side.log"), "old run");

        LocalStack.prepareDataDir(dir, true);

        assertThat(dir.resolve(LocalStack.DATA_DIR_MARKER)).exists();
        assertThat(dir.resolve("logs")).isEmptyDirectory();
    }

    @Test
    void freshRefusesToDeleteADirectoryThatIsNotOurs() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("projects"));
        Files.writeString(dir.resolve("thesis.tex"), "years of work");

        assertThatThrownBy(() -> LocalStack.prepareDataDir(dir, true))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("is not an Alter8 data directory");
        assertThat(dir.resolve("thesis.tex")).hasContent("years of work");
    }

    @Test
    void anEmptyExistingDirectoryCanBeUsed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));

        LocalStack.prepareDataDir(dir, false);

        assertThat(dir.resolve(LocalStack.DATA_DIR_MARKER)).exists();
    }

    @Test
    void passwordsInStoreUrlsAreMaskedInOutput() {
        assertThat(LocalStack.redact("redis://:s3cret@cache:6379")).isEqualTo("redis://:***@cache:6379");
        assertThat(LocalStack.redact("mongodb://app:s3cret@db:27017/alter8"))
                .isEqualTo("mongodb://app:***@db:27017/alter8");
        assertThat(LocalStack.redact("jdbc:postgresql://db/alter8?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/alter8?user=app&password=***&ssl=true");
        assertThat(LocalStack.redact("jdbc:postgresql://127.0.0.1:5432/alter8"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/alter8");
    }

    @Test
    void aMissingJarIsReportedWithHowToBuildIt() {
        LocalStack.Options options = LocalStack.Options.of(tmp.resolve("data"), tmp.resolve("nope.jar"),
                                                           tmp.resolve("nope-either.jar"));

        assertThatThrownBy(() -> LocalStack.start(options))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("command side jar was not found")
                .hasMessageContaining("./mvnw -DskipTests package");
    }

    @Test
    void theNewestExecJarOfAModuleIsFoundWithoutKnowingTheVersion() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("command-side").resolve("target"));
        Files.writeString(target.resolve("command-side-0.1.0-SNAPSHOT.jar"), "plain");
        Path exec = Files.writeString(target.resolve("command-side-0.1.0-SNAPSHOT-exec.jar"), "exec");

        assertThat(RunCommand.findJar(tmp, "command-side")).isEqualTo(exec);
        assertThat(RunCommand.findJar(tmp, "query-side").toString()).endsWith("query-side-<version>-exec.jar");
    }
}
