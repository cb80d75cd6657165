package io.kervan.notifications;

import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordsChanged;
import io.kervan.shared.records.LinkableRecords;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * "A record was assigned to you": when a contact, company, lead or deal is created for someone else
 * or its owner changes to someone other than the person making the change. Listens after the
 * change committed (the event publication registry redelivers after a crash; the event id as dedupe
 * key keeps a redelivery from notifying twice).
 *
 * <p>A bulk change (an import batch) is read inside its own transaction instead: its notifications are stored
 * with the batch, so they exist exactly when the batch does. Listening after the commit would make the event
 * publication registry store the whole batch's changes a second time (it keeps one copy per listener, and the
 * audit trail needs them anyway) only for this listener to find, mostly, that nobody else was assigned anything.
 */
@Component
class RecordAssignmentNotifier {

    private final Notifications notifications;
    private final List<LinkableRecords> records;

    RecordAssignmentNotifier(Notifications notifications, List<LinkableRecords> records) {
        this.notifications = notifications;
        this.records = records;
    }

    @ApplicationModuleListener
    void on(RecordChanged event) {
        Optional<RecordType> type = Arrays.stream(RecordType.values())
                .filter(t -> t.apiName().equals(event.recordType())).findFirst();
        if (type.isEmpty() || event.changes() == null) {
            return;
        }
        event.changes().stream().filter(c -> c.field().equals("ownerId") && c.newValue() != null).findFirst()
                .map(c -> UUID.fromString(c.newValue()))
                .filter(owner -> !owner.equals(event.actorId()))
                .ifPresent(owner -> notifications.notify(new NewNotification(owner, NotificationKind.RECORD_ASSIGNED,
                        label(type.get(), event.recordId()), type.get().pagePath(event.recordId()),
                        "record-assigned:" + event.eventId())));
    }

    /** A bulk change (an import batch) assigns records just as the same changes one by one would. */
    @EventListener
    void on(RecordsChanged batch) {
        batch.changes().forEach(this::on);
    }

    /** The record's name where its module describes it; otherwise its kind. */
    private String label(RecordType type, UUID id) {
        return records.stream().filter(r -> r.type() == type).findFirst()
                .map(r -> r.describe(List.of(id)).get(id)).map(LinkedRecord::label)
                .orElse(type.apiName());
    }
}
