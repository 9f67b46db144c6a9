package io.alter8.api.notification;

/** Something the person can do about a notification: a link, a button, or an API call, with its label. */
public record NotificationAction(String label, String url, String type) {
}
