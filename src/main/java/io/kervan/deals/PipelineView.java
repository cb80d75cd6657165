package io.kervan.deals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A pipeline with all its stages (retired ones too) in board order. */
public record PipelineView(UUID id, String name, String nameTr, int position, Instant archivedAt, Instant createdAt,
        Instant updatedAt, long version, List<StageView> stages) {

    public boolean archived() {
        return archivedAt != null;
    }

    public String label() {
        return Labels.pick(name, nameTr);
    }

    /** Stages that accept moves, in order. */
    public List<StageView> openStages() {
        return stages.stream().filter(s -> !s.retired()).toList();
    }

    public Optional<StageView> stage(UUID stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }
}
