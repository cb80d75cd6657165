package io.kervan.deals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An open stage of a pipeline. A retired stage keeps its history and deals but accepts no new moves. */
public record StageView(UUID id, UUID pipelineId, String name, String nameTr, int position, int probability,
        int rottingDays, List<RequiredField> requiredFields, boolean requiresNextActivity, Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }

    /** The name in the reader's language. */
    public String label() {
        return Labels.pick(name, nameTr);
    }

    public List<String> requiredFieldKeys() {
        return requiredFields.stream().map(RequiredField::key).toList();
    }
}
