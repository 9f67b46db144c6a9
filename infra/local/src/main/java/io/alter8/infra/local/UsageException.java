package io.alter8.infra.local;

/** Bad command line: the CLI prints the message and a hint to {@code --help}, and exits with 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
