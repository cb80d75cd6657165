package io.kervan.leads;

import io.kervan.shared.ChangeSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A lead's field changes for the audit history: the same for a lead changed alone ({@link LeadService}) and for
 * one of an import's batch ({@link LeadBatchWriter}).
 */
final class LeadChanges {

    private LeadChanges() {
    }

    /** @param b the lead before, {@code null} when it was created */
    static ChangeSet between(LeadDetails b, LeadDetails a) {
        return new ChangeSet()
                .compare("firstName", b == null ? null : b.firstName(), a.firstName())
                .compare("lastName", b == null ? null : b.lastName(), a.lastName())
                .compare("companyName", b == null ? null : b.companyName(), a.companyName())
                .compare("title", b == null ? null : b.title(), a.title())
                .compare("email", b == null ? null : b.email(), a.email())
                .compare("phone", b == null ? null : b.phone(), a.phone())
                .compare("source", b == null ? null : b.source(), a.source())
                .compare("status", b == null ? null : b.status().key(), a.status().key())
                .compare("disqualifiedReason", b == null ? null : b.disqualifiedReason(), a.disqualifiedReason())
                .compare("notes", b == null ? null : b.notes(), a.notes())
                .compare("ownerId", b == null ? null : b.ownerId(), a.ownerId())
                .compare("visibleToTeam", b == null ? null : b.visibleToTeam(), a.visibleToTeam())
                .compare("firstResponseAt", b == null ? null : seconds(b.firstResponseAt()), seconds(a.firstResponseAt()))
                .compare("convertedAt", b == null ? null : seconds(b.convertedAt()), seconds(a.convertedAt()))
                .compare("convertedContactId", b == null ? null : b.convertedContactId(), a.convertedContactId())
                .compare("convertedCompanyId", b == null ? null : b.convertedCompanyId(), a.convertedCompanyId());
    }

    /** Times in the history to the second, as a reader compares them. */
    static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
