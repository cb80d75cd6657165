package io.kervan.notifications;

import io.kervan.shared.Slice;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The bell in the page header, the notifications page (list, mark read, preferences). */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The bell with the unread count; the layout loads it with htmx and refreshes it every minute. */
    @GetMapping("/notifications/bell")
    String bell(Model model) {
        model.addAttribute("unread", notifications.unreadCount());
        return "notifications/bell :: bell";
    }

    @GetMapping("/notifications")
    String list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean unread,
            Model model) {
        Slice<NotificationView> page = notifications.list(unread, cursor, 50);
        model.addAttribute("page", page);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("unread", notifications.unreadCount());
        model.addAttribute("preferences", notifications.preferences());
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("emailConfigured", notifications.emailConfigured());
        return "notifications/list";
    }

    /** Marks the notification read and opens what it is about. */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        return "redirect:" + notifications.open(id).orElse("/notifications");
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable UUID id) {
        notifications.markRead(id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/preferences")
    String savePreferences(HttpServletRequest request) {
        for (NotificationKind kind : NotificationKind.values()) {
            notifications.setPreference(kind, new Notifications.Preference(
                    request.getParameter("inApp." + kind.key()) != null,
                    request.getParameter("email." + kind.key()) != null));
        }
        return "redirect:/notifications?saved";
    }
}
