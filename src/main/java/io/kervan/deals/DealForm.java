package io.kervan.deals;

import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import io.kervan.shared.Numbers;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The deal form as posted by the browser: text in, so that "abc" in a number or date field becomes a
 * field error rather than a binding failure. The next step is entered in the user's local time.
 */
public class DealForm {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    private String title;
    private String pipelineId;
    private String stageId;
    private String value;
    private String currency = "TRY";
    private String expectedCloseDate;
    private String companyId;
    private List<String> contactIds = new ArrayList<>();
    private String ownerId;
    private boolean visibleToTeam = true;
    private String source;
    private String nextStepAt;
    private Long version;

    static DealForm of(DealDetails d) {
        DealForm form = new DealForm();
        form.title = d.title();
        form.pipelineId = d.pipelineId().toString();
        form.stageId = d.stageId().toString();
        form.value = d.value() == null ? null : d.value().stripTrailingZeros().toPlainString();
        form.currency = d.currency();
        form.expectedCloseDate = d.expectedCloseDate() == null ? null : d.expectedCloseDate().toString();
        form.companyId = d.companyId() == null ? null : d.companyId().toString();
        form.contactIds = new ArrayList<>(d.contactIds().stream().map(UUID::toString).toList());
        form.ownerId = d.ownerId().toString();
        form.visibleToTeam = d.visibleToTeam();
        form.source = d.source();
        form.nextStepAt = d.nextStepAt() == null ? null
                : LocalDateTime.ofInstant(d.nextStepAt(), ZONE).withSecond(0).withNano(0).toString();
        form.version = d.version();
        return form;
    }

    /** The draft this form describes; unparseable numbers, dates and ids are field errors. */
    DealDraft toDraft() {
        InputCheck check = new InputCheck();
        BigDecimal amount = null;
        try {
            amount = Numbers.parseDecimal(value);
        } catch (NumberFormatException e) {
            check.problem("value", "validation.number");
        }
        LocalDate close = null;
        if (expectedCloseDate != null && !expectedCloseDate.isBlank()) {
            try {
                close = LocalDate.parse(expectedCloseDate.strip());
            } catch (DateTimeParseException e) {
                check.problem("expectedCloseDate", "deals.validation.date");
            }
        }
        Instant next = null;
        if (nextStepAt != null && !nextStepAt.isBlank()) {
            try {
                next = LocalDateTime.parse(nextStepAt.strip()).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                check.problem("nextStepAt", "deals.validation.dateTime");
            }
        }
        List<UUID> contacts = new ArrayList<>();
        for (String id : contactIds == null ? List.<String>of() : contactIds) {
            if (id == null || id.isBlank()) {
                continue;
            }
            UUID parsed = Ids.parseOrNull(id);
            if (parsed == null) {
                check.problem("contactIds", "deals.validation.contact");
            } else {
                contacts.add(parsed);
            }
        }
        UUID owner = id(check, "ownerId", ownerId, "validation.owner");
        UUID company = id(check, "companyId", companyId, "deals.validation.company");
        UUID pipeline = id(check, "pipelineId", pipelineId, "deals.validation.pipeline");
        UUID stage = id(check, "stageId", stageId, "deals.validation.stageNotInPipeline");
        DealDraft draft = new DealDraft(title, pipeline, stage, amount, currency, close, company, contacts, owner,
                visibleToTeam, source, next);
        check.throwIfInvalidAlongWith(() -> DealRules.normalize(draft));
        return draft;
    }

    private static UUID id(InputCheck check, String field, String raw, String message) {
        UUID parsed = Ids.parseOrNull(raw);
        if (raw != null && !raw.isBlank() && parsed == null) {
            check.problem(field, message);
        }
        return parsed;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getPipelineId() { return pipelineId; }
    public void setPipelineId(String pipelineId) { this.pipelineId = pipelineId; }
    public String getStageId() { return stageId; }
    public void setStageId(String stageId) { this.stageId = stageId; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getExpectedCloseDate() { return expectedCloseDate; }
    public void setExpectedCloseDate(String expectedCloseDate) { this.expectedCloseDate = expectedCloseDate; }
    public String getCompanyId() { return companyId; }
    public void setCompanyId(String companyId) { this.companyId = companyId; }
    public List<String> getContactIds() { return contactIds; }
    public void setContactIds(List<String> contactIds) { this.contactIds = contactIds; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public boolean isVisibleToTeam() { return visibleToTeam; }
    public void setVisibleToTeam(boolean visibleToTeam) { this.visibleToTeam = visibleToTeam; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getNextStepAt() { return nextStepAt; }
    public void setNextStepAt(String nextStepAt) { this.nextStepAt = nextStepAt; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
