package io.alter8.infra.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {

    private static final Set<String> VALUES = Set.of("--data-dir", "--command-port", "-n");
    private static final Set<String> SWITCHES = Set.of("--fresh");

    @Test
    void readsValuesInBothSpellingsAndSwitches() {
        Args args = Args.parse(List.of("--data-dir", "/tmp/x", "--command-port=9090", "-n", "5", "--fresh"),
                               VALUES, SWITCHES);

        assertThat(args.path("--data-dir", null)).isEqualTo(Path.of("/tmp/x"));
        assertThat(args.port("--command-port", 8080)).isEqualTo(9090);
        assertThat(args.integer("-n", 1, 1, 10)).isEqualTo(5);
        assertThat(args.has("--fresh")).isTrue();
    }

    @Test
    void missingFlagsTakeTheirDefaults() {
        Args args = Args.parse(List.of(), VALUES, SWITCHES);

        assertThat(args.port("--command-port", 8080)).isEqualTo(8080);
        assertThat(args.has("--fresh")).isFalse();
    }

    @Test
    void aTypoIsAnErrorNotASilentDefault() {
        assertThatThrownBy(() -> Args.parse(List.of("--comand-port", "9090"), VALUES, SWITCHES))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --comand-port");
        assertThatThrownBy(() -> Args.parse(List.of("stray"), VALUES, SWITCHES))
                .isInstanceOf(UsageException.class).hasMessageContaining("unexpected argument 'stray'");
    }

    @Test
    void badNumbersAreNamed() {
        Args args = Args.parse(List.of("--command-port", "80a", "-n", "0"), VALUES, SWITCHES);

        assertThatThrownBy(() -> args.port("--command-port", 8080))
                .isInstanceOf(UsageException.class).hasMessage("--command-port must be a whole number, not '80a'");
        assertThatThrownBy(() -> args.integer("-n", 1, 1, 10))
                .isInstanceOf(UsageException.class).hasMessage("-n must be between 1 and 10, not 0");
    }

    @Test
    void aValueFlagAtTheEndNeedsItsValue() {
        assertThatThrownBy(() -> Args.parse(List.of("--data-dir"), VALUES, SWITCHES))
                .isInstanceOf(UsageException.class).hasMessage("--data-dir needs a value");
    }
}
