package io.kervan.notifications;

import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notifications}: the caller's notifications, marking them read, and their preferences. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    record Item(UUID id, String kind, String title, String link, Instant createdAt, boolean read, Instant readAt) {

        static Item of(NotificationView n) {
            return new Item(n.id(), n.kind().key(), n.title(), n.link(), n.createdAt(), n.read(), n.readAt());
        }
    }

    record Page(List<Item> items, String nextCursor, int unreadCount) {
    }

    record PreferenceItem(String kind, boolean inApp, boolean email) {
    }

    record Preferences(List<PreferenceItem> items, boolean emailConfigured) {
    }

    record PreferenceInput(Boolean inApp, Boolean email) {
    }

    @GetMapping
    Page list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        Slice<NotificationView> page = notifications.list(unread, cursor, limit);
        return new Page(page.items().stream().map(Item::of).toList(), page.nextCursor(), notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable UUID id) {
        if (!notifications.markRead(id)) {
            throw new RecordNotFoundException("notification", id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    ResponseEntity<Void> markAllRead() {
        notifications.markAllRead();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    Preferences preferences() {
        List<PreferenceItem> items = notifications.preferences().entrySet().stream()
                .map(e -> new PreferenceItem(e.getKey().key(), e.getValue().inApp(), e.getValue().email())).toList();
        return new Preferences(items, notifications.emailConfigured());
    }

    @PutMapping("/preferences/{kind}")
    PreferenceItem setPreference(@PathVariable String kind, @RequestBody PreferenceInput input) {
        NotificationKind parsed = NotificationKind.fromKey(kind);
        if (input == null || input.inApp() == null || input.email() == null) {
            throw new io.kervan.shared.InvalidInputException("inApp", "notifications.validation.preference");
        }
        notifications.setPreference(parsed, new Notifications.Preference(input.inApp(), input.email()));
        return new PreferenceItem(parsed.key(), input.inApp(), input.email());
    }
}
