package io.kervan.notifications;

import io.kervan.identity.UserService;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordsChanged;
import io.kervan.shared.records.LinkableRecords;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
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

    /** How {@link RecordChanged#origin()} names a change an import made. */
    private static final String IMPORT_ORIGIN = "import:";

    private final Notifications notifications;
    private final List<LinkableRecords> records;
    private final UserService users;
    private final MessageSource messages;

    RecordAssignmentNotifier(Notifications notifications, List<LinkableRecords> records, UserService users,
            MessageSource messages) {
        this.notifications = notifications;
        this.records = records;
        this.users = users;
        this.messages = messages;
    }

    /**
     * One notification per record given to someone else; for an import, one per owner and record type for the
     * whole import ("Deals from an import", linking to the list), since an import that gives a colleague thousands
     * of records (the sample data gives its 35 agents 8,800 deals) would otherwise ring their bell, and send them
     * an e-mail, thousands of times.
     * <p>The condition lets through only changes that give a record to someone other than the person making them
     * ({@link RecordChanged#assignee}), checked before the event publication registry stores anything: most
     * changes (an owner's own edits and creates) then cost this listener no stored publication and no transaction.
     */
    @ApplicationModuleListener(condition = "#event.assignee() != null")
    void on(RecordChanged event) {
        assignment(event).ifPresent(this::notifyOf);
    }

    /** A record given to someone other than the person making the change. */
    private record Assignment(RecordType type, UUID owner, RecordChanged event) {

        /** The notification's dedupe key: per record, or for an import per import, record type and owner. */
        String key() {
            return fromImport(event) ? "record-assigned:" + event.origin() + ":" + type.apiName() + ":" + owner
                    : "record-assigned:" + event.eventId();
        }
    }

    private Optional<Assignment> assignment(RecordChanged event) {
        UUID owner = event.assignee();
        if (owner == null) {
            return Optional.empty();
        }
        return Arrays.stream(RecordType.values()).filter(t -> t.apiName().equals(event.recordType())).findFirst()
                .map(type -> new Assignment(type, owner, event));
    }

    private void notifyOf(Assignment a) {
        notifications.notify(fromImport(a.event())
                ? new NewNotification(a.owner(), NotificationKind.RECORD_ASSIGNED, importTitle(a.type(), a.owner()),
                        a.type().listPath(), a.key())
                : new NewNotification(a.owner(), NotificationKind.RECORD_ASSIGNED,
                        label(a.type(), a.event().recordId()), a.type().pagePath(a.event().recordId()), a.key()));
    }

    private static boolean fromImport(RecordChanged event) {
        return event.origin() != null && event.origin().startsWith(IMPORT_ORIGIN);
    }

    /** "Deals from an import", in the owner's language. */
    private String importTitle(RecordType type, UUID owner) {
        Locale locale = users.find(owner).map(u -> u.locale() == null ? "en" : u.locale()).map(Locale::forLanguageTag)
                .orElse(Locale.ENGLISH);
        return messages.getMessage("notifications.recordAssigned.import." + type.apiName(), null, locale);
    }

    /** A bulk change (an import batch) assigns records just as the same changes one by one would. */
    @EventListener
    void on(RecordsChanged batch) {
        // An import's batch gives many records to few owners: one notification each, not a lookup per record.
        Map<String, Assignment> distinct = new LinkedHashMap<>();
        batch.changes().forEach(change -> assignment(change).ifPresent(a -> distinct.putIfAbsent(a.key(), a)));
        distinct.values().forEach(this::notifyOf);
    }

    /** The record's name where its module describes it; otherwise its kind. */
    private String label(RecordType type, UUID id) {
        return records.stream().filter(r -> r.type() == type).findFirst()
                .map(r -> r.describe(List.of(id)).get(id)).map(LinkedRecord::label)
                .orElse(type.apiName());
    }
}
