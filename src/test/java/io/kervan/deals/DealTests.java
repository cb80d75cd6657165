package io.kervan.deals;

import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DealTests {

    static final UUID PIPELINE = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    static StageView stage(List<RequiredField> fields, boolean nextActivity) {
        return new StageView(UUID.randomUUID(), PIPELINE, "Stage", null, 1, 50, 90, fields, nextActivity, null);
    }

    static Deal.GateValues empty() {
        return new Deal.GateValues(null, "TRY", null, null, List.of(), null, false, 0);
    }

    Deal openDeal() {
        return new Deal(PIPELINE, UUID.randomUUID(), DealStatus.OPEN, NOW.minusSeconds(600));
    }

    @Test
    void rejectsDealIntoStageWithoutRequiredFieldsNamingEachOne() {
        StageView gated = stage(List.of(RequiredField.VALUE, RequiredField.EXPECTED_CLOSE_DATE), false);
        assertThatThrownBy(() -> openDeal().moveTo(gated, empty(), NOW))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("value", "expectedCloseDate"));
    }

    @Test
    void aZeroValueDoesNotSatisfyAValueGate() {
        StageView gated = stage(List.of(RequiredField.VALUE), false);
        Deal.GateValues zero = new Deal.GateValues(BigDecimal.ZERO, "TRY", null, null, List.of(), null, false, 0);
        assertThat(Deal.missingFor(gated, zero, NOW)).containsExactly("value");
    }

    @Test
    void aRequiredNextActivityIsAPlannedFollowUp() {
        StageView gated = stage(List.of(), true);
        Deal.GateValues none = new Deal.GateValues(null, "TRY", null, null, List.of(), null, false, 0);
        Deal.GateValues planned = new Deal.GateValues(null, "TRY", null, null, List.of(), null, true, 0);
        assertThat(Deal.missingFor(gated, none, NOW)).containsExactly("nextActivity");
        assertThat(Deal.missingFor(gated, planned, NOW)).isEmpty();
    }

    @Test
    void movesWhenTheGateIsMetAndCountsTheSecondsInThePreviousStage() {
        StageView gated = stage(List.of(RequiredField.VALUE, RequiredField.EXPECTED_CLOSE_DATE), false);
        Deal.GateValues filled = new Deal.GateValues(BigDecimal.TEN, "TRY", LocalDate.of(2026, 6, 1), null,
                List.of(), null, false, 0);
        Deal.Move move = openDeal().moveTo(gated, filled, NOW);
        assertThat(move.toStageId()).isEqualTo(gated.id());
        assertThat(move.secondsInPrevious()).isEqualTo(600);
    }

    @Test
    void aRetiredStageAcceptsNoMoves() {
        StageView retired = new StageView(UUID.randomUUID(), PIPELINE, "Old", null, 1, 50, 90, List.of(), false, NOW);
        assertThatThrownBy(() -> openDeal().moveTo(retired, empty(), NOW)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void wonNeedsAPositiveValueAndLostNeedsAReason() {
        assertThatThrownBy(() -> openDeal().win(null, NOW)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> openDeal().win(BigDecimal.ZERO, NOW)).isInstanceOf(BusinessRuleException.class);
        assertThat(openDeal().win(BigDecimal.ONE, NOW).toStatus()).isEqualTo(DealStatus.WON);
        assertThatThrownBy(() -> openDeal().lose(null, NOW)).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("reasonId"));
    }

    @Test
    void aClosedDealCannotBeWonAgainButCanBeReopened() {
        Deal won = new Deal(PIPELINE, UUID.randomUUID(), DealStatus.WON, NOW.minusSeconds(60));
        assertThatThrownBy(() -> won.win(BigDecimal.TEN, NOW)).isInstanceOf(BusinessRuleException.class);
        Deal.Move reopened = won.moveTo(stage(List.of(), false), empty(), NOW);
        assertThat(reopened.fromStatus()).isEqualTo(DealStatus.WON);
        assertThat(reopened.toStatus()).isEqualTo(DealStatus.OPEN);
    }

    @Test
    void aStageThatRequiresAProductLineRefusesADealWithoutLineItems() {
        StageView gated = stage(List.of(RequiredField.LINE_ITEMS), false);
        Deal.GateValues none = new Deal.GateValues(BigDecimal.TEN, "TRY", null, null, List.of(), null, false, 0);
        Deal.GateValues one = new Deal.GateValues(BigDecimal.TEN, "TRY", null, null, List.of(), null, false, 1);
        assertThat(Deal.missingFor(gated, none, NOW)).containsExactly("lineItems");
        assertThat(Deal.missingFor(gated, one, NOW)).isEmpty();
    }
}
