package io.kervan.deals;

import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.StaleVersionException;
import java.util.List;

/** Why a deal action from a page was refused, as field problems the pages show. */
final class DealRefusals {

    private DealRefusals() {
    }

    static List<FieldProblem> problems(RuntimeException e) {
        if (e instanceof BusinessRuleException rule) {
            return rule.problems();
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems();
        }
        if (e instanceof StaleVersionException) {
            return List.of(new FieldProblem("version", "common.staleVersion"));
        }
        if (e instanceof NotAllowedException) {
            return List.of(new FieldProblem("ownerId", "error.403.text"));
        }
        return List.of(new FieldProblem("value", "validation.number"));
    }

    static String reason(RuntimeException e) {
        return problems(e).stream().findFirst().map(FieldProblem::message).orElse(null);
    }
}
