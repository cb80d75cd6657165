package io.kervan.contacts;

import io.kervan.shared.records.ActivityLogged;
import io.kervan.shared.records.RecordType;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps each contact's {@code lastActivityAt}, in the transaction that logged the activity. */
@Component
class ContactActivities {

    private final ContactRepository contacts;

    ContactActivities(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @EventListener
    void on(ActivityLogged event) {
        List<UUID> ids = event.idsOf(RecordType.CONTACT);
        if (!ids.isEmpty()) {
            contacts.touchActivity(ids, event.at());
        }
    }
}
