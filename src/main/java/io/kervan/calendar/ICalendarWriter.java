package io.kervan.calendar;

import io.kervan.shared.records.CalendarEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes RFC 5545 iCalendar: CRLF line ends, text escaping, lines folded at 75 octets (never inside a
 * UTF-8 character), times in UTC.
 */
final class ICalendarWriter {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    static String write(String calendarName, List<CalendarEvent> events, String baseUrl, Instant now) {
        ICalendarWriter writer = new ICalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:-//Kervan//Kervan CRM//EN");
        writer.line("CALSCALE:GREGORIAN");
        // no METHOD: a subscribed feed is not an iTIP message (METHOD:PUBLISH would require an ORGANIZER)
        writer.text("X-WR-CALNAME", calendarName);
        writer.line("X-PUBLISHED-TTL:PT15M");
        writer.line("REFRESH-INTERVAL;VALUE=DURATION:PT15M");
        for (CalendarEvent event : events) {
            writer.event(event, baseUrl, now);
        }
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    private void event(CalendarEvent e, String baseUrl, Instant now) {
        line("BEGIN:VEVENT");
        text("UID", e.uid());
        line("DTSTAMP:" + UTC.format(now));
        line("SEQUENCE:" + Math.max(0, e.sequence()));
        line("DTSTART:" + UTC.format(e.start()));
        // a moment (a task due at a time) becomes a quarter hour, so calendars show it as a block
        Instant end = e.end() != null && e.end().isAfter(e.start()) ? e.end() : e.start().plus(15, ChronoUnit.MINUTES);
        line("DTEND:" + UTC.format(end));
        text("SUMMARY", e.summary());
        if (e.description() != null && !e.description().isBlank()) {
            text("DESCRIPTION", e.description());
        }
        if (e.location() != null && !e.location().isBlank()) {
            text("LOCATION", e.location());
        }
        if (e.lastModified() != null) {
            line("LAST-MODIFIED:" + UTC.format(e.lastModified()));
        }
        if (e.url() != null) {
            line("URL:" + (e.url().startsWith("/") ? baseUrl + e.url() : e.url()));
        }
        line("END:VEVENT");
    }

    private void text(String name, String value) {
        line(name + ":" + escape(value == null ? "" : value));
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets. */
    private void line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
