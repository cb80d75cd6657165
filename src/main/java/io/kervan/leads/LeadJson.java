package io.kervan.leads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The lead's JSON shapes on the REST API. */
final class LeadJson {

    private LeadJson() {
    }

    /** Request body of create, upsert and (after merging) patch. Unknown fields are refused. */
    record Input(String firstName, String lastName, String companyName, String title, String email, String phone,
            String source, String status, String disqualifiedReason, String notes, UUID ownerId,
            Boolean visibleToTeam) {

        LeadDraft toDraft() {
            return new LeadDraft(firstName, lastName, companyName, title, email, phone, source, status,
                    disqualifiedReason, notes, ownerId, visibleToTeam);
        }

        static Input of(LeadDetails l) {
            return new Input(l.firstName(), l.lastName(), l.companyName(), l.title(), l.email(), l.phone(),
                    l.source(), l.status().key(), l.disqualifiedReason(), l.notes(), l.ownerId(), l.visibleToTeam());
        }
    }

    record Resource(UUID id, String firstName, String lastName, String companyName, String title, String email,
            String phone, String source, String status, String disqualifiedReason, String notes, UUID ownerId,
            boolean visibleToTeam, Instant firstResponseAt, Instant convertedAt, UUID convertedContactId,
            UUID convertedCompanyId, UUID convertedDealId, String externalSource, String externalId,
            boolean archived, Instant archivedAt, Instant createdAt, Instant updatedAt, long version,
            Instant lastActivityAt) {

        static Resource of(LeadDetails l) {
            return new Resource(l.id(), l.firstName(), l.lastName(), l.companyName(), l.title(), l.email(), l.phone(),
                    l.source(), l.status().key(), l.disqualifiedReason(), l.notes(), l.ownerId(), l.visibleToTeam(),
                    l.firstResponseAt(), l.convertedAt(), l.convertedContactId(), l.convertedCompanyId(),
                    l.convertedDealId(), l.externalSource(), l.externalId(), l.archived(), l.archivedAt(),
                    l.createdAt(), l.updatedAt(), l.version(), l.lastActivityAt());
        }
    }

    record Page(List<LeadSummary> items, String nextCursor) {
    }

    /** {@code POST /api/v1/leads/{id}/conversion}. */
    record ConversionInput(UUID companyId, Boolean createCompany, UUID pipelineId, String dealTitle) {

        LeadConversion.Request toRequest() {
            return new LeadConversion.Request(companyId, createCompany, pipelineId, dealTitle);
        }
    }

    record Source(UUID id, String key, String labelEn, String labelTr, boolean active, int position, long version) {

        static Source of(LeadSource s) {
            return new Source(s.id(), s.key(), s.labelEn(), s.labelTr(), s.active(), s.position(), s.version());
        }
    }

    record SourceInput(String key, String labelEn, String labelTr) {
    }

    record SourcePatch(String labelEn, String labelTr, Boolean active) {
    }

    record Sources(List<Source> items) {
    }

    record CompanyMatches(List<io.kervan.companies.CompanySummary> items) {
    }
}
