package io.kervan.deals;

import io.kervan.shared.InputCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validates a pipeline draft: names, probability 0–100, rotting days, known required fields. */
final class PipelineRules {

    static final int MAX_STAGES = 30;
    static final int DEFAULT_ROTTING_DAYS = 90;

    private PipelineRules() {
    }

    record Stage(java.util.UUID id, String name, String nameTr, int probability, int rottingDays,
            List<RequiredField> requiredFields, boolean requiresNextActivity, boolean retired) {
    }

    record Pipeline(String name, String nameTr, List<Stage> stages) {
    }

    static Pipeline normalize(PipelineDraft draft) {
        InputCheck check = new InputCheck();
        String name = check.text("name", draft.name(), 100, true);
        String nameTr = check.text("nameTr", draft.nameTr(), 100, false);
        List<PipelineDraft.StageDraft> drafts = draft.stages() == null ? List.of() : draft.stages();
        List<Stage> stages = new ArrayList<>();
        if (drafts.size() > MAX_STAGES) {
            check.problem("stages", "validation.tooMany");
        } else {
            for (int i = 0; i < drafts.size(); i++) {
                PipelineDraft.StageDraft s = drafts.get(i);
                if (s == null) {
                    check.problem("stages[" + i + "]", "validation.required");
                    continue;
                }
                stages.add(stage(check, "stages[" + i + "].", s));
            }
            if (stages.stream().noneMatch(s -> !s.retired()) && !check.hasProblems()) {
                check.problem("stages", "deals.validation.noOpenStage");
            }
        }
        check.throwIfInvalid();
        return new Pipeline(name, nameTr, stages);
    }

    private static Stage stage(InputCheck check, String prefix, PipelineDraft.StageDraft s) {
        String name = check.text(prefix + "name", s.name(), 100, true);
        String nameTr = check.text(prefix + "nameTr", s.nameTr(), 100, false);
        int probability = 0;
        if (s.probability() == null) {
            check.problem(prefix + "probability", "validation.required");
        } else if (s.probability() < 0 || s.probability() > 100) {
            check.problem(prefix + "probability", "deals.validation.probability");
        } else {
            probability = s.probability();
        }
        int rotting = DEFAULT_ROTTING_DAYS;
        if (s.rottingDays() != null) {
            if (s.rottingDays() < 1 || s.rottingDays() > 3650) {
                check.problem(prefix + "rottingDays", "deals.validation.rottingDays");
            } else {
                rotting = s.rottingDays();
            }
        }
        Set<RequiredField> fields = new LinkedHashSet<>();
        if (s.requiredFields() != null) {
            for (String key : s.requiredFields()) {
                Optional<RequiredField> field = RequiredField.ofKey(key == null ? "" : key.strip());
                if (field.isEmpty()) {
                    check.problem(prefix + "requiredFields", "deals.validation.requiredField");
                    break;
                }
                fields.add(field.get());
            }
        }
        return new Stage(s.id(), name, nameTr, probability, rotting, List.copyOf(fields),
                Boolean.TRUE.equals(s.requiresNextActivity()), Boolean.TRUE.equals(s.retired()));
    }
}
