package io.alter8.command.notification;

import java.util.List;

/**
 * Turns one kind of domain event into notices: adding a notification for a new event is one class implementing
 * this, annotated {@code @Component}, with a template of the same name as its notices' type in
 * {@code notifications/templates.properties}. {@link NotificationRules} finds it; replays never reach it.
 */
interface NotificationRule<E> {

    Class<E> eventType();

    /** Who is told what about {@code event}; empty when nobody is. Must not write anything itself. */
    List<Notice> notices(E event);
}
