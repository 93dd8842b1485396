package org.itsm.notification.domain;

/** One mail an event calls for: who receives it and what it tells them. */
public record PlannedNotification(String recipient, NotificationKind kind) {
}
