package io.alter8.infra.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessCpuTest {

    @Test
    void statGivesOwnAndReapedChildrenTicksEvenWithSpacesAndParenthesesInTheName() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
        String line = "4242 (postgres: (x) y) S 1 4242 4242 0 -1 4194560 1000 2000 3 4 250 70 1200 300 20 0 1 0 99 "
                + "123456 789 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        ProcessCpu.Ticks ticks = ProcessCpu.parseStat(line);

        assertThat(ticks.own()).isEqualTo(250 + 70);
        assertThat(ticks.reapedChildren()).isEqualTo(1200 + 300);
    }

    @Test
    void aLineWithoutACommandNameIsRefused() {
        assertThatThrownBy(() -> ProcessCpu.parseStat("4242 S 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySocketsListeningOnThePortAreFound() {
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1539 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 81234 1 0000000000000000 100 0 0 10 0
                   1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 81300 1 0000000000000000 100 0 0 10 0
                   2: 0100007F:1539 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 81555 1 0000000000000000 20 4 30 10 -1
                """;

        // 0x1539 = 5433, the embedded PostgreSQL; the established connection to it (state 01) is a client's.
        assertThat(ProcessCpu.listeningInodes(tcp, 5433)).containsExactly(81234L);
        assertThat(ProcessCpu.listeningInodes(tcp, 8080)).containsExactly(81300L);
        assertThat(ProcessCpu.listeningInodes(tcp, 6380)).isEmpty();
    }
}
