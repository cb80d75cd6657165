package io.kervan.imports;

import io.kervan.shared.TurkishText;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests a field for each column from its header, in English or Turkish ("E-posta" → email,
 * "Firma/Şirket" → company). Headers compare Turkish-folded without spaces and punctuation; each field
 * is suggested for one column at most.
 */
final class ColumnSuggestions {

    private ColumnSuggestions() {
    }

    static Map<String, String> suggest(ImportTarget<?> target, List<String> header) {
        Map<String, String> suggestions = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String column : header) {
            String key = key(column);
            String field = target.fields().stream().filter(f -> !used.contains(f.name()))
                    .filter(f -> key(f.name()).equals(key) || f.headers().stream().anyMatch(h -> key(h).equals(key)))
                    .map(ImportField::name).findFirst().orElse(null);
            if (field != null) {
                used.add(field);
            }
            suggestions.put(column, field);
        }
        return suggestions;
    }

    static String key(String header) {
        return TurkishText.fold(header).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
