package io.kervan.deals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The pipeline's JSON shapes on the REST API. */
final class PipelineJson {

    private PipelineJson() {
    }

    record StageInput(UUID id, String name, String nameTr, Integer probability, Integer rottingDays,
            List<String> requiredFields, Boolean requiresNextActivity, Boolean retired) {
    }

    record Input(String name, String nameTr, List<StageInput> stages) {

        PipelineDraft toDraft() {
            return new PipelineDraft(name, nameTr, stages == null ? List.of() : stages.stream()
                    .map(s -> s == null ? null : new PipelineDraft.StageDraft(s.id(), s.name(), s.nameTr(),
                            s.probability(), s.rottingDays(), s.requiredFields(), s.requiresNextActivity(),
                            s.retired()))
                    .toList());
        }

        static Input of(PipelineView p) {
            return new Input(p.name(), p.nameTr(), p.stages().stream()
                    .map(s -> new StageInput(s.id(), s.name(), s.nameTr(), s.probability(), s.rottingDays(),
                            s.requiredFieldKeys(), s.requiresNextActivity(), s.retired()))
                    .toList());
        }
    }

    record Stage(UUID id, String name, String nameTr, int position, int probability, int rottingDays,
            List<String> requiredFields, boolean requiresNextActivity, boolean retired) {
    }

    record Resource(UUID id, String name, String nameTr, List<Stage> stages, boolean archived, Instant createdAt,
            Instant updatedAt, long version) {

        static Resource of(PipelineView p) {
            return new Resource(p.id(), p.name(), p.nameTr(), p.stages().stream()
                    .map(s -> new Stage(s.id(), s.name(), s.nameTr(), s.position(), s.probability(), s.rottingDays(),
                            s.requiredFieldKeys(), s.requiresNextActivity(), s.retired()))
                    .toList(), p.archived(), p.createdAt(), p.updatedAt(), p.version());
        }
    }

    record Page<T>(List<T> items, String nextCursor) {
    }

    record LostReason(UUID id, String name, String nameTr, boolean archived) {

        static LostReason of(LostReasonView r) {
            return new LostReason(r.id(), r.name(), r.nameTr(), r.archived());
        }
    }
}
