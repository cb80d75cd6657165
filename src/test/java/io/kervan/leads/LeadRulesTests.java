package io.kervan.leads;

import io.kervan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LeadRulesTests {

    static LeadDraft draft(String firstName, String companyName, String status, String reason) {
        return new LeadDraft(firstName, null, companyName, null, " Ali@Example.COM ", "0532 123 45 67", null, status,
                reason, null, null, null);
    }

    @Test
    void normalisesEmailPhoneAndDefaultsTheStatusToNew() {
        LeadDraft lead = LeadRules.normalize(draft("Ali", null, null, null), key -> true);
        assertThat(lead.email()).isEqualTo("ali@example.com");
        assertThat(lead.phone()).isEqualTo("+905321234567");
        assertThat(lead.status()).isEqualTo("new");
        assertThat(lead.visibleToTeam()).isTrue();
    }

    @Test
    void dropsTheReasonUnlessTheLeadIsDisqualified() {
        assertThat(LeadRules.normalize(draft("Ali", null, "Qualified", "old reason"), key -> true).disqualifiedReason())
                .isNull();
        assertThat(LeadRules.normalize(draft("Ali", null, "disqualified", "Budget"), key -> true).disqualifiedReason())
                .isEqualTo("Budget");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> LeadRules.normalize(
                new LeadDraft(" ", null, null, null, "x@", "12", "nope", "disqualified", " ", null, null, null),
                key -> false));
        assertThat(e.byField()).containsOnlyKeys("firstName", "email", "phone", "source", "disqualifiedReason");
    }

    @Test
    void aCompanyNameAloneIsEnoughAndTheDisplayNameFallsBackToIt() {
        LeadDraft lead = LeadRules.normalize(draft(null, "Acme", null, null), key -> true);
        assertThat(LeadRules.displayName(lead.firstName(), lead.lastName(), lead.companyName())).isEqualTo("Acme");
        assertThat(LeadRules.sortName(lead)).isEqualTo("acme");
    }
}
