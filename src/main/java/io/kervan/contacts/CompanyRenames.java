package io.kervan.contacts;

import io.kervan.companies.CompanyService;
import io.kervan.shared.RecordChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps contacts findable by their companies' names: when a company is renamed, the contacts linked to
 * it get the new name in their search text. Runs after the rename committed, without a signed-in user,
 * so it takes the new name from the event rather than asking the companies module. Redelivery is harmless.
 */
@Component
class CompanyRenames {

    private static final Logger log = LoggerFactory.getLogger(CompanyRenames.class);

    private final ContactRepository contacts;

    CompanyRenames(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @ApplicationModuleListener
    void on(RecordChanged event) {
        if (!CompanyService.RECORD_TYPE.equals(event.recordType()) || event.action() != RecordChanged.Action.UPDATED) {
            return;
        }
        event.changes().stream().filter(change -> "name".equals(change.field()) && change.newValue() != null)
                .findFirst().ifPresent(change -> {
                    int refreshed = contacts.companyRenamed(event.recordId(), change.newValue(), event.occurredAt());
                    log.debug("Company {} renamed; refreshed the search text of {} contacts", event.recordId(),
                            refreshed);
                });
    }
}
