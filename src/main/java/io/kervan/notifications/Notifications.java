package io.kervan.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.kervan.identity.CurrentUser;
import io.kervan.shared.Ids;
import io.kervan.shared.Keyset;
import io.kervan.shared.Slice;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications module's API: other modules notify a user; the signed-in user reads, marks read and
 * sets their preferences. A notification and its e-mail job are stored in the caller's transaction, so
 * a rolled-back change notifies nobody and a committed one is e-mailed even if the node stops first.
 */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final NotificationPreferences preferences;
    private final NotificationEmailJob emailJob;
    private final SchedulerClient scheduler;
    private final Clock clock;

    Notifications(NotificationRepository notifications, NotificationPreferences preferences,
            NotificationEmailJob emailJob,
            @org.springframework.context.annotation.Lazy SchedulerClient scheduler, Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.emailJob = emailJob;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Notifies {@code n.userId()} as they prefer (in the app, by e-mail, both or neither).
     *
     * @return whether a notification was stored; false when the user wants none of this kind or the
     *         same cause was notified before (same dedupe key)
     */
    // the scheduler is lazy: it is built from every job, and the stale-deal job needs this service
    @Transactional
    public boolean notify(NewNotification n) {
        NotificationPreferences.Choice choice = preferences.of(n.userId(), n.kind());
        if (!choice.inApp() && !choice.email()) {
            return false;
        }
        UUID id = Ids.newId();
        String emailStatus = !choice.email() ? null : emailJob.canSend() ? "pending" : "skipped";
        boolean stored = notifications.insert(id, n, choice.inApp(), emailStatus, clock.instant());
        if (stored && "pending".equals(emailStatus)) {
            // same transaction (transaction-aware scheduler): the job exists exactly when the notification does
            scheduler.scheduleIfNotExists(emailJob.task().instance(id.toString(), id.toString()), clock.instant());
        }
        return stored;
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        return notifications.unreadCount(CurrentUser.require().id());
    }

    @Transactional(readOnly = true)
    public Slice<NotificationView> list(boolean unreadOnly, String cursor, Integer limit) {
        return notifications.list(CurrentUser.require().id(), unreadOnly, Keyset.Cursor.decode(cursor),
                Keyset.limit(limit));
    }

    /** Marks one of the signed-in user's notifications read; false when it is not theirs (or not there). */
    @Transactional
    public boolean markRead(UUID id) {
        return notifications.markRead(CurrentUser.require().id(), id, clock.instant());
    }

    /** Marks the signed-in user's notification read and answers its link; empty when it is not theirs. */
    @Transactional
    public java.util.Optional<String> open(UUID id) {
        UUID me = CurrentUser.require().id();
        return notifications.find(id).filter(n -> n.userId().equals(me)).map(n -> {
            notifications.markRead(me, id, clock.instant());
            return n.link() == null ? "/notifications" : n.link();
        });
    }

    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(CurrentUser.require().id(), clock.instant());
    }

    /** The signed-in user's preference per kind: {@code {"taskAssigned": {"inApp": true, "email": false}, ...}}. */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Preference> preferences() {
        Map<NotificationKind, Preference> result = new java.util.EnumMap<>(NotificationKind.class);
        preferences.all(CurrentUser.require().id())
                .forEach((kind, choice) -> result.put(kind, new Preference(choice.inApp(), choice.email())));
        return result;
    }

    @Transactional
    public void setPreference(NotificationKind kind, Preference preference) {
        preferences.save(CurrentUser.require().id(), kind,
                new NotificationPreferences.Choice(preference.inApp(), preference.email()));
    }

    /** Whether e-mails can be sent at all (SMTP configured). */
    public boolean emailConfigured() {
        return emailJob.canSend();
    }

    public record Preference(boolean inApp, boolean email) {
    }
}
