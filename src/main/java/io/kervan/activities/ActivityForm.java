package io.kervan.activities;

import io.kervan.shared.InputCheck;
import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The quick-log form as posted from a record page. Times are typed in the user's time zone (until
 * users can choose one, Europe/Istanbul); the duration in minutes.
 */
public class ActivityForm {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    private String type;
    private String recordType;
    private UUID recordId;
    private String subject;
    private String body;
    private String occurredAt;
    private String direction;
    private String outcome;
    private String durationMinutes;
    private String startAt;
    private String endAt;
    private String location;

    /** A fresh form for logging on a record now; a call starts from the user's last call's direction and outcome. */
    static ActivityForm start(ActivityType type, RecordRef record, Instant now, Activity lastCall) {
        ActivityForm form = new ActivityForm();
        form.type = type.key();
        form.recordType = record.type().apiName();
        form.recordId = record.id();
        form.occurredAt = local(now);
        if (type == ActivityType.MEETING) {
            Instant start = now.plusSeconds(3600 - now.getEpochSecond() % 3600);
            form.startAt = local(start);
            form.endAt = local(start.plusSeconds(3600));
        }
        form.direction = "outbound";
        if (type == ActivityType.CALL && lastCall != null) {
            form.direction = lastCall.direction();
            form.outcome = lastCall.outcome();
        }
        return form;
    }

    /**
     * The draft to log. The form shows times to the minute, so a time left in the current minute means
     * "just now" and is taken as {@code now}, keeping the order with what happened earlier this minute.
     */
    ActivityDraft toDraft(Instant now) {
        InputCheck check = new InputCheck();
        Instant occurred = time(check, "occurredAt", occurredAt);
        if (occurred != null && occurred.equals(now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            occurred = now;
        }
        Instant start = time(check, "startAt", startAt);
        Instant end = time(check, "endAt", endAt);
        Integer duration = null;
        if (durationMinutes != null && !durationMinutes.isBlank()) {
            try {
                duration = Math.multiplyExact(Integer.parseInt(durationMinutes.strip()), 60);
            } catch (NumberFormatException | ArithmeticException e) {
                check.problem("durationMinutes", "validation.number");
            }
        }
        check.throwIfInvalid();
        return new ActivityDraft(type, subject, body, occurred, direction, outcome, duration, start, end, location,
                List.of(), List.of(record()));
    }

    RecordRef record() {
        return RecordRef.of(recordType, recordId);
    }

    private static Instant time(InputCheck check, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            check.problem(field, "activity.validation.dateTime");
            return null;
        }
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE).withSecond(0).withNano(0).toString();
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getRecordType() { return recordType; }
    public void setRecordType(String recordType) { this.recordType = recordType; }
    public UUID getRecordId() { return recordId; }
    public void setRecordId(UUID recordId) { this.recordId = recordId; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(String durationMinutes) { this.durationMinutes = durationMinutes; }
    public String getStartAt() { return startAt; }
    public void setStartAt(String startAt) { this.startAt = startAt; }
    public String getEndAt() { return endAt; }
    public void setEndAt(String endAt) { this.endAt = endAt; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
}
