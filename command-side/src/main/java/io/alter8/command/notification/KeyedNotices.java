package io.alter8.command.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Function;

/**
 * How notices that no single event causes are issued: those of the scheduled checks (a lease ending, a payment due or
 * overdue, a subscription renewing) and of a refused command (a plan limit). Each subject's notices go in a
 * transaction of their own, under a key naming the subject and its date, so that a check run again, on another node,
 * or after a restart issues nothing twice.
 */
@Component
class KeyedNotices {

    private final Notifier notifier;
    private final TransactionTemplate transaction;

    KeyedNotices(Notifier notifier, TransactionTemplate transaction) {
        this.notifier = notifier;
        this.transaction = transaction;
    }

    /** Answers how many notifications were issued for {@code subjects}. */
    <T> int issue(List<T> subjects, Function<T, String> cause, Function<T, List<Notice>> notices) {
        int issued = 0;
        for (T subject : subjects) {
            List<Notice> each = notices.apply(subject);
            Integer count = transaction.execute(s -> notifier.issueEach(each, cause.apply(subject)));
            issued += count == null ? 0 : count;
        }
        return issued;
    }
}
