package io.kervan.calendar;

import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import io.kervan.shared.records.CalendarEvent;
import io.kervan.shared.records.CalendarEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The feed itself (no session: the secret URL is the credential), its API
 * ({@code POST/DELETE /api/v1/calendar-feeds}) and the card on the "My work" page.
 */
@Controller
class CalendarFeedController {

    /** What a feed shows: a month back (recent history) and a year ahead. */
    static final Duration PAST = Duration.ofDays(31);
    static final Duration FUTURE = Duration.ofDays(366);

    private final CalendarFeeds feeds;
    private final List<CalendarEventSource> sources;
    private final UserService users;
    private final Clock clock;
    private final String baseUrl;

    CalendarFeedController(CalendarFeeds feeds, List<CalendarEventSource> sources, UserService users, Clock clock,
            @Value("${kervan.base-url:http://localhost:8080}") String baseUrl) {
        this.feeds = feeds;
        this.sources = sources;
        this.users = users;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping(path = "/calendar/{feedId}/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String feedId, @PathVariable String token) {
        UUID id;
        try {
            id = UUID.fromString(feedId);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return feeds.owner(id, token).flatMap(users::find).filter(UserView::active)
                .map(user -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .header("Content-Disposition", "inline; filename=\"kervan.ics\"")
                        .body(ICalendarWriter.write("Kervan — " + user.displayName(), events(user.id()), baseUrl,
                                clock.instant())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private List<CalendarEvent> events(UUID userId) {
        Instant now = clock.instant();
        List<CalendarEvent> events = new ArrayList<>();
        sources.forEach(source -> events.addAll(source.eventsFor(userId, now.minus(PAST), now.plus(FUTURE))));
        events.sort(Comparator.comparing(CalendarEvent::start).thenComparing(CalendarEvent::uid));
        return events;
    }

    /** {@code POST /api/v1/calendar-feeds}: a new private feed URL (the old one stops working). */
    @PostMapping("/api/v1/calendar-feeds")
    @ResponseBody
    ResponseEntity<Map<String, String>> create() {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("url", absolute(feeds.createForCurrentUser())));
    }

    /** {@code DELETE /api/v1/calendar-feeds}: revokes the caller's feed URL. */
    @DeleteMapping("/api/v1/calendar-feeds")
    ResponseEntity<Void> revoke() {
        feeds.revokeForCurrentUser();
        return ResponseEntity.noContent().build();
    }

    /** The card on "My work" (loaded with htmx). */
    @GetMapping("/calendar/feed-card")
    String card(Model model) {
        model.addAttribute("exists", feeds.existsForCurrentUser());
        return "calendar/feed-card :: card";
    }

    @PostMapping("/calendar/feed")
    String createFromPage(Model model) {
        model.addAttribute("exists", true);
        model.addAttribute("url", absolute(feeds.createForCurrentUser()));
        return "calendar/feed-card :: card";
    }

    @PostMapping("/calendar/feed/revoke")
    String revokeFromPage(Model model) {
        feeds.revokeForCurrentUser();
        model.addAttribute("exists", false);
        model.addAttribute("revoked", true);
        return "calendar/feed-card :: card";
    }

    /** The URL as the caller reached Kervan (behind a proxy, with forwarded headers applied). */
    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
