package io.kervan.deals;

import java.util.List;
import java.util.UUID;

/**
 * A pipeline as an admin entered it. Stages are in board order; a stage with an {@code id} updates that
 * stage, one without creates a new stage, and existing stages left out are retired (never deleted).
 */
public record PipelineDraft(String name, String nameTr, List<StageDraft> stages) {

    public record StageDraft(UUID id, String name, String nameTr, Integer probability, Integer rottingDays,
            List<String> requiredFields, Boolean requiresNextActivity, Boolean retired) {
    }
}
