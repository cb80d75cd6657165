package io.kervan.notifications;

import java.util.Objects;
import java.util.UUID;

/**
 * A notification to deliver.
 *
 * @param title what it is about, e.g. the task's title or the deal's name (the kind gives the sentence)
 * @param link the page to open, relative (e.g. {@code /tasks/<id>})
 * @param dedupeKey identifies the cause; a second notification with the same key is dropped, so a job
 *        that runs again never notifies twice. Null for "always notify".
 */
public record NewNotification(UUID userId, NotificationKind kind, String title, String link, String dedupeKey) {

    public NewNotification {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
    }
}
