package io.kervan.leads;

import java.time.Duration;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * "Responded in 4 min" / "4 dk içinde yanıtlandı": the time from a lead's creation to its first
 * response as a person reads it. Used by the lead templates as {@code @leadResponseTimes}.
 */
@Component("leadResponseTimes")
public class LeadResponseTimes {

    /** A rounded-down duration in the largest unit that keeps it readable. */
    record Span(Unit unit, long amount) {
    }

    enum Unit { UNDER_A_MINUTE, MINUTES, HOURS, DAYS }

    private final MessageSource messages;

    LeadResponseTimes(MessageSource messages) {
        this.messages = messages;
    }

    /** The text for the signed-in user's language; {@code null} when there was no response yet. */
    public String text(Instant created, Instant responded) {
        if (created == null || responded == null) {
            return null;
        }
        Span span = span(Duration.between(created, responded));
        return messages.getMessage("lead.respondedIn." + span.unit().name().toLowerCase(java.util.Locale.ROOT),
                new Object[] {span.amount()}, LocaleContextHolder.getLocale());
    }

    /** Minutes below an hour, hours below two days, days from then on. */
    static Span span(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        if (d.toMinutes() < 1) {
            return new Span(Unit.UNDER_A_MINUTE, 1);
        }
        if (d.toHours() < 1) {
            return new Span(Unit.MINUTES, d.toMinutes());
        }
        if (d.toHours() < 48) {
            return new Span(Unit.HOURS, d.toHours());
        }
        return new Span(Unit.DAYS, d.toDays());
    }
}
