package io.kervan.shared;

/**
 * One invalid input field. {@code message} is a message-bundle code ("validation.email") or plain
 * text; the UI resolves it for the user's language, the API sends the resolved English text.
 */
public record FieldProblem(String field, String message) {
}
