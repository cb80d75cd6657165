package io.kervan.activities;

import io.kervan.shared.InputCheck;
import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Checks and normalises an activity draft: the fields that belong to its type are kept, the others
 * dropped; a note's rich text is cleaned to a safelist of formatting tags and links.
 */
final class ActivityRules {

    static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");
    static final List<String> OUTCOMES = List.of("reached", "noAnswer", "busy", "wrongNumber");
    static final int MAX_LINKS = 20;
    static final int MAX_ATTENDEES = 50;
    static final int MAX_BODY = 20_000;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    /** Formatting a note may keep; links only to web and mail addresses, and never opening scripts. */
    private static final Safelist NOTE_TAGS = Safelist.basic().addTags("h3", "h4")
            .addAttributes("a", "rel", "target");

    private ActivityRules() {
    }

    /** The draft as stored; {@code now} is when an activity without a time happened. */
    static ActivityDraft normalize(ActivityDraft draft, Instant now) {
        InputCheck check = new InputCheck();
        ActivityType type = ActivityType.parse(draft.type()).orElse(null);
        if (type == null) {
            check.problem("type", draft.type() == null ? "validation.required" : "activity.validation.type");
            check.throwIfInvalid();
        }
        String subject = check.text("subject", draft.subject(), 200, type == ActivityType.EMAIL);
        String body = body(check, type, draft.body());
        boolean meeting = type == ActivityType.MEETING;
        Instant startAt = meeting ? time(check, "startAt", draft.startAt() != null ? draft.startAt() : draft.occurredAt(),
                true) : null;
        Instant endAt = meeting ? time(check, "endAt", draft.endAt(), false) : null;
        if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
            check.problem("endAt", "activity.validation.endBeforeStart");
        }
        Instant occurredAt = meeting ? startAt : time(check, "occurredAt", draft.occurredAt(), false);
        if (occurredAt == null && !meeting) {
            occurredAt = now;
        }
        String direction = null;
        if (type == ActivityType.CALL || type == ActivityType.EMAIL || type == ActivityType.WHATSAPP) {
            direction = draft.direction() == null || draft.direction().isBlank() ? "outbound" : draft.direction().strip();
            if (!DIRECTIONS.contains(direction)) {
                check.problem("direction", "activity.validation.direction");
            }
        }
        String outcome = null;
        Integer duration = null;
        if (type == ActivityType.CALL) {
            outcome = draft.outcome() == null || draft.outcome().isBlank() ? null : draft.outcome().strip();
            if (outcome != null && !OUTCOMES.contains(outcome)) {
                check.problem("outcome", "activity.validation.outcome");
            }
            duration = draft.durationSeconds();
            if (duration != null && (duration < 0 || duration > 86_400)) {
                check.problem("durationSeconds", "activity.validation.duration");
            }
        }
        String location = meeting ? check.text("location", draft.location(), 500, false) : null;
        List<UUID> attendees = meeting ? distinct(draft.attendeeIds()) : List.of();
        if (attendees.size() > MAX_ATTENDEES) {
            check.problem("attendeeIds", "validation.tooMany");
        }
        List<RecordRef> links = distinct(draft.links());
        if (links.isEmpty()) {
            check.problem("links", "activity.validation.noLinks");
        } else if (links.size() > MAX_LINKS) {
            check.problem("links", "validation.tooMany");
        }
        check.throwIfInvalid();
        return new ActivityDraft(type.key(), subject, body, occurredAt, direction, outcome, duration, startAt, endAt,
                location, attendees, links);
    }

    /** A note's HTML reduced to the safelist; other bodies are plain text. */
    static String body(InputCheck check, ActivityType type, String raw) {
        if (type != ActivityType.NOTE) {
            return check.text("body", raw, MAX_BODY, false);
        }
        String cleaned = raw == null ? null : Jsoup.clean(raw, NOTE_TAGS).strip();
        if (cleaned == null || Jsoup.parse(cleaned).text().isBlank()) {
            check.problem("body", "validation.required");
            return null;
        }
        if (cleaned.length() > MAX_BODY) {
            check.problem("body", "validation.tooLong");
            return null;
        }
        return cleaned;
    }

    private static Instant time(InputCheck check, String field, Instant value, boolean required) {
        if (value == null) {
            if (required) {
                check.problem(field, "validation.required");
            }
            return null;
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            check.problem(field, "activity.validation.date");
            return null;
        }
        return value;
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(values.stream().filter(Objects::nonNull).toList()));
    }
}
