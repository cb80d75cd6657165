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

    /**
     * Binds a JSON tree to {@code type}, turning binding failures into field errors. For a record type
     * every member is checked on its own first, so that all unknown fields and wrong types are reported
     * at once rather than only the first.
     */
    public static <T> T bind(ObjectMapper mapper, JsonNode json, Class<T> type) {
        if (type.isRecord() && json.isObject()) {
            checkMembers(mapper, json, type);
        }
        try {
            return mapper.treeToValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(List.of(new FieldProblem(path(e), "validation.unknownField")));
        } catch (JacksonException e) {
            throw new InvalidInputException(List.of(new FieldProblem(path(e), "validation.type")));
        }
    }

    private static void checkMembers(ObjectMapper mapper, JsonNode json, Class<?> type) {
        Map<String, java.lang.reflect.Type> members = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            members.put(component.getName(), component.getGenericType());
        }
        List<FieldProblem> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            java.lang.reflect.Type memberType = members.get(member.getKey());
            if (memberType == null) {
                problems.add(new FieldProblem(member.getKey(), "validation.unknownField"));
                continue;
            }
            try {
                mapper.treeToValue(member.getValue(), mapper.constructType(memberType));
            } catch (JacksonException e) {
                String inner = path(e);
                problems.add(new FieldProblem(inner.isEmpty() ? member.getKey()
                        : member.getKey() + (inner.startsWith("[") ? "" : ".") + inner, "validation.type"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
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
