package io.kervan.notifications;

import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient sees it. */
public record NotificationView(UUID id, UUID userId, NotificationKind kind, String title, String link,
        Instant createdAt, Instant readAt, String emailStatus) {

    public boolean read() {
        return readAt != null;
    }
}
