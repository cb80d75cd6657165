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

    /**
     * Only a company's new name: the condition is checked before the event publication registry stores anything,
     * so the other changes of every record (a contact's create, a deal's move) cost this listener no stored
     * publication and no transaction of its own.
     */
    @ApplicationModuleListener(condition = "#event.recordType() == '" + CompanyService.RECORD_TYPE + "'"
            + " and #event.action().name() == 'UPDATED' and #event.newValue('name') != null")
    void on(RecordChanged event) {
        int refreshed = contacts.companyRenamed(event.recordId(), event.newValue("name"), event.occurredAt());
        log.debug("Company {} renamed; refreshed the search text of {} contacts", event.recordId(), refreshed);
    }
}
