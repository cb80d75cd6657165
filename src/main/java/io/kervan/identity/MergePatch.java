package io.kervan.identity;

import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A JSON merge patch (RFC 7396) over a flat resource. A record cannot tell an absent field from an
 * explicit {@code null}, but merge patch needs both ("keep" versus "clear"), so the body is read as
 * a tree. Unknown fields and wrong types are collected as field problems, like the global
 * fail-on-unknown-properties setting does for ordinary request bodies.
 */
final class MergePatch {

    private final JsonNode body;
    private final List<FieldProblem> problems = new ArrayList<>();

    private MergePatch(JsonNode body) {
        this.body = body;
    }

    static MergePatch of(JsonNode body, Set<String> allowedFields) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "validation.patch.object");
        }
        MergePatch patch = new MergePatch(body);
        body.propertyNames().stream().filter(name -> !allowedFields.contains(name)).sorted()
                .forEach(name -> patch.problems.add(new FieldProblem(name, "validation.unknownField")));
        return patch;
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** The new text, {@code null} when the patch clears it, {@code current} when the patch leaves it out. */
    String text(String field, String current) {
        if (!has(field)) {
            return current;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(field, "validation.type"));
            return current;
        }
        return value.stringValue();
    }

    UUID uuid(String field, UUID current) {
        if (!has(field)) {
            return current;
        }
        String text = text(field, null);
        if (text == null) {
            return null;
        }
        UUID id = Ids.parseOrNull(text);
        if (id == null) {
            problems.add(new FieldProblem(field, "validation.type"));
            return current;
        }
        return id;
    }

    /** A flag cannot be cleared: {@code null} is refused like a wrong type. */
    boolean bool(String field, boolean current) {
        if (!has(field)) {
            return current;
        }
        JsonNode value = body.get(field);
        if (!value.isBoolean()) {
            problems.add(new FieldProblem(field, value.isNull() ? "validation.required" : "validation.type"));
            return current;
        }
        return value.booleanValue();
    }

    /** An enum value by name; {@code null} clears it (the service decides whether that is allowed). */
    <E extends Enum<E>> E enumValue(String field, Class<E> type, E current) {
        if (!has(field)) {
            return current;
        }
        String text = text(field, null);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "validation.type"));
            return current;
        }
    }

    /** Call after reading every field: bad shape is reported before any rule of the domain is checked. */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
