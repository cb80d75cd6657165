package io.kervan.shared;

import java.util.List;

/** Input that breaks a rule of shape or domain; nothing was changed. HTTP 400 on the API, field errors on forms. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("Invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The first problem of each field, as form templates look them up ({@code errors['email']}). */
    public java.util.Map<String, String> byField() {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        return errors;
    }
}
