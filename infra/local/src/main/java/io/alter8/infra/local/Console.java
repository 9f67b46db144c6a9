package io.alter8.infra.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the CLI tells its user. Goes through logback with a plain pattern (logback.xml) so that the output stays
 * free of timestamps and levels, and library logs can still be turned up when something needs digging into.
 */
final class Console {

    private static final Logger OUT = LoggerFactory.getLogger("alter8.out");
    private static final Logger ERR = LoggerFactory.getLogger("alter8.err");

    private Console() {
    }

    static void say(String message, Object... args) {
        OUT.info(message, args);
    }

    static void error(String message, Object... args) {
        ERR.error(message, args);
    }
}
