package io.kervan.deals;

import io.kervan.shared.InputCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The admin's pipeline form with its repeatable stage rows, as posted (text, so bad numbers are field errors). */
public class PipelineForm {

    private String name;
    private String nameTr;
    private Long version;
    private List<StageRow> stages = new ArrayList<>();

    static PipelineForm of(PipelineView p) {
        PipelineForm form = new PipelineForm();
        form.name = p.name();
        form.nameTr = p.nameTr();
        form.version = p.version();
        for (StageView s : p.stages()) {
            StageRow row = new StageRow();
            row.setId(s.id().toString());
            row.setName(s.name());
            row.setNameTr(s.nameTr());
            row.setProbability(String.valueOf(s.probability()));
            row.setRottingDays(String.valueOf(s.rottingDays()));
            row.setRequiredFields(new ArrayList<>(s.requiredFieldKeys()));
            row.setRequiresNextActivity(s.requiresNextActivity());
            row.setRetired(s.retired());
            form.stages.add(row);
        }
        return form;
    }

    static PipelineForm blank() {
        PipelineForm form = new PipelineForm();
        form.stages.add(new StageRow());
        return form;
    }

    PipelineDraft toDraft() {
        InputCheck check = new InputCheck();
        List<PipelineDraft.StageDraft> drafts = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageRow row = stages.get(i);
            String prefix = "stages[" + i + "].";
            drafts.add(new PipelineDraft.StageDraft(io.kervan.shared.Ids.parseOrNull(row.getId()), row.getName(),
                    row.getNameTr(), number(check, prefix + "probability", row.getProbability(), "validation.required"),
                    number(check, prefix + "rottingDays", row.getRottingDays(), null), row.getRequiredFields(),
                    row.isRequiresNextActivity(), row.isRetired()));
        }
        PipelineDraft draft = new PipelineDraft(name, nameTr, drafts);
        check.throwIfInvalidAlongWith(() -> PipelineRules.normalize(draft));
        return draft;
    }

    private static Integer number(InputCheck check, String field, String raw, String requiredCode) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            check.problem(field, "validation.number");
            return null;
        }
    }

    /** Moves stage row {@code index} one place up (-1) or down (+1), if it can. */
    void move(int index, int direction) {
        int other = index + direction;
        if (index >= 0 && index < stages.size() && other >= 0 && other < stages.size()) {
            StageRow row = stages.remove(index);
            stages.add(other, row);
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameTr() { return nameTr; }
    public void setNameTr(String nameTr) { this.nameTr = nameTr; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public List<StageRow> getStages() { return stages; }
    public void setStages(List<StageRow> stages) { this.stages = stages; }

    /** One stage row of the form. */
    public static class StageRow {
        private String id;
        private String name;
        private String nameTr;
        private String probability;
        private String rottingDays = "90";
        private List<String> requiredFields = new ArrayList<>();
        private boolean requiresNextActivity;
        private boolean retired;

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNameTr() { return nameTr; }
        public void setNameTr(String nameTr) { this.nameTr = nameTr; }
        public String getProbability() { return probability; }
        public void setProbability(String probability) { this.probability = probability; }
        public String getRottingDays() { return rottingDays; }
        public void setRottingDays(String rottingDays) { this.rottingDays = rottingDays; }
        public List<String> getRequiredFields() { return requiredFields; }
        public void setRequiredFields(List<String> requiredFields) { this.requiredFields = requiredFields; }
        public boolean isRequiresNextActivity() { return requiresNextActivity; }
        public void setRequiresNextActivity(boolean requiresNextActivity) { this.requiresNextActivity = requiresNextActivity; }
        public boolean isRetired() { return retired; }
        public void setRetired(boolean retired) { this.retired = retired; }

        /** Whether this row is a stage already stored (it can be retired but not removed). */
        public boolean isStored() {
            return id != null && !id.isBlank();
        }

        UUID uuid() {
            return io.kervan.shared.Ids.parseOrNull(id);
        }
    }
}
