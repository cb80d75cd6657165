package io.kervan.shared;

import java.util.List;

/**
 * Well-formed input that a business rule refuses, such as moving a deal into a stage whose exit
 * criteria are not met. HTTP 422 with the problems listed; a message next to the form in the UI.
 */
public class BusinessRuleException extends RuntimeException {

    private final List<FieldProblem> problems;

    public BusinessRuleException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
