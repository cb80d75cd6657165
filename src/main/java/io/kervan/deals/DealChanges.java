package io.kervan.deals;

import io.kervan.shared.ChangeSet;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Function;

/**
 * A deal's field changes for the audit history, stages and lost reasons by name as a reader knows them: the
 * same for a deal changed alone ({@link DealService}) and for one of an import's batch ({@link DealBatchWriter}).
 */
final class DealChanges {

    private DealChanges() {
    }

    /** @param b the deal before, {@code null} when it was created */
    static ChangeSet between(DealDetails b, DealDetails a, Function<UUID, String> stageName,
            Function<UUID, String> reasonName) {
        return new ChangeSet()
                .compare("title", b == null ? null : b.title(), a.title())
                .compare("stageId", b == null ? null : stageName.apply(b.stageId()), stageName.apply(a.stageId()))
                .compare("status", b == null ? null : b.status().key(), a.status().key())
                .compare("value", b == null ? null : plain(b.value()), plain(a.value()))
                .compare("currency", b == null ? null : b.currency(), a.currency())
                .compare("expectedCloseDate", b == null ? null : b.expectedCloseDate(), a.expectedCloseDate())
                .compare("companyId", b == null ? null : b.companyId(), a.companyId())
                .compare("contactIds", b == null ? null : b.contactIds(), a.contactIds())
                .compare("source", b == null ? null : b.source(), a.source())
                .compare("nextStepAt", b == null ? null : b.nextStepAt(), a.nextStepAt())
                .compare("lostReasonId", b == null ? null : reason(b.lostReasonId(), reasonName),
                        reason(a.lostReasonId(), reasonName))
                .compare("lostNote", b == null ? null : b.lostNote(), a.lostNote())
                .compare("ownerId", b == null ? null : b.ownerId(), a.ownerId())
                .compare("visibleToTeam", b == null ? null : b.visibleToTeam(), a.visibleToTeam());
    }

    private static String reason(UUID reasonId, Function<UUID, String> reasonName) {
        return reasonId == null ? null : reasonName.apply(reasonId);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
