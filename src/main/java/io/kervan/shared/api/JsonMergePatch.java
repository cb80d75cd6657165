package io.kervan.shared.api;

import io.kervan.shared.FieldProblem;
import io.kervan.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7386): the patch's members replace the target's, {@code null} removes one.
 * The result is bound to the input type with the application's strict mapper, so unknown fields and
 * wrong types become field errors (400), as on create.
 */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    public static <T> T apply(ObjectMapper mapper, T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidInputException("", "validation.type");
        }
        JsonNode merged = merge(mapper.valueToTree(current), patch);
        return bind(mapper, merged, type);
    }

    /** Binds a JSON tree to {@code type}, turning binding failures into field errors. */
    public static <T> T bind(ObjectMapper mapper, JsonNode json, Class<T> type) {
        try {
            return mapper.treeToValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(List.of(new FieldProblem(path(e), "validation.unknownField")));
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(new FieldProblem(path(e), "validation.type")));
        }
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
                : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    private static String path(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
