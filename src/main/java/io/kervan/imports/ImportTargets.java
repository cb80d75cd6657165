package io.kervan.imports;

import io.kervan.shared.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The record types an import can fill, by their plural name. */
@Component
class ImportTargets {

    private final Map<String, ImportTarget<?>> byType;

    ImportTargets(List<ImportTarget<?>> targets) {
        this.byType = targets.stream().collect(Collectors.toMap(ImportTarget::recordType, Function.identity()));
    }

    ImportTarget<?> get(String recordType) {
        ImportTarget<?> target = recordType == null ? null : byType.get(recordType);
        if (target == null) {
            throw new InvalidInputException("recordType", "import.mapping.recordType");
        }
        return target;
    }

    List<String> types() {
        return List.of("companies", "contacts", "leads", "deals", "products").stream().filter(byType::containsKey)
                .toList();
    }
}
