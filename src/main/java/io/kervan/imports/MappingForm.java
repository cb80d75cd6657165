package io.kervan.imports;

import io.kervan.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * The mapping page's form: {@code column[i]} (the header) with {@code field[i]} (the chosen field),
 * the options, and value maps as lines {@code field: file value => stored value}.
 */
final class MappingForm {

    private MappingForm() {
    }

    static ImportMapping read(String recordType, MultiValueMap<String, String> form) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; form.containsKey("column[" + i + "]"); i++) {
            String field = form.getFirst("field[" + i + "]");
            columns.put(form.getFirst("column[" + i + "]"), field == null || field.isBlank() ? null : field);
        }
        String matchOn = form.getFirst("matchOn");
        return new ImportMapping(recordType, form.getFirst("mode"), matchOn == null || matchOn.isBlank() ? null : matchOn,
                form.getFirst("encoding"), form.getFirst("delimiter"), blankToNull(form.getFirst("sheet")), columns,
                valueMaps(form.getFirst("valueMaps")), blankToNull(form.getFirst("dateFormat")),
                form.containsKey("decimalComma"), "true".equals(form.getFirst("dryRun")));
    }

    static Map<String, Map<String, String>> valueMaps(String text) {
        Map<String, Map<String, String>> maps = new LinkedHashMap<>();
        if (text == null) {
            return maps;
        }
        int line = 0;
        for (String raw : text.split("\\R")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            int colon = raw.indexOf(':');
            int arrow = raw.indexOf("=>");
            if (colon < 1 || arrow < colon) {
                throw new InvalidInputException("valueMaps", "import.valueMaps.help");
            }
            maps.computeIfAbsent(raw.substring(0, colon).strip(), k -> new LinkedHashMap<>())
                    .put(raw.substring(colon + 1, arrow).strip(), raw.substring(arrow + 2).strip());
        }
        return maps;
    }

    static String valueMapsText(Map<String, Map<String, String>> maps) {
        return maps.entrySet().stream().flatMap(field -> field.getValue().entrySet().stream()
                .map(e -> field.getKey() + ": " + e.getKey() + " => " + e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
