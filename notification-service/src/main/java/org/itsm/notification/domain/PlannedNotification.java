package org.itsm.notification.domain;

import java.util.List;

/**
 * One mail an event calls for: who receives it (a person, or an {@link Audience} as its recipient) and what it tells
 * them; {@code excluded} names the people an audience's mail skips (they hear of the event otherwise, or may not act).
 */
public record PlannedNotification(String recipient, NotificationKind kind, List<String> excluded) {

    public PlannedNotification {
        excluded = excluded == null ? List.of() : excluded.stream().filter(name -> name != null && !name.isBlank())
                .distinct().toList();
    }

    public PlannedNotification(String recipient, NotificationKind kind) {
        this(recipient, kind, List.of());
    }
}
