package io.kervan.leads;

import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import java.util.UUID;

/** The lead form as posted by the browser: text in, so that a bad owner id becomes a field error. */
public class LeadForm {

    private String firstName;
    private String lastName;
    private String companyName;
    private String title;
    private String email;
    private String phone;
    private String source;
    private String status = LeadStatus.NEW.key();
    private String disqualifiedReason;
    private String notes;
    private String ownerId;
    private boolean visibleToTeam = true;
    private Long version;

    static LeadForm of(LeadDetails l) {
        LeadForm form = new LeadForm();
        form.firstName = l.firstName();
        form.lastName = l.lastName();
        form.companyName = l.companyName();
        form.title = l.title();
        form.email = l.email();
        form.phone = l.phone();
        form.source = l.source();
        form.status = l.status().key();
        form.disqualifiedReason = l.disqualifiedReason();
        form.notes = l.notes();
        form.ownerId = l.ownerId().toString();
        form.visibleToTeam = l.visibleToTeam();
        form.version = l.version();
        return form;
    }

    /** The draft this form describes; an unparseable owner is a field error. */
    LeadDraft toDraft() {
        InputCheck check = new InputCheck();
        UUID owner = Ids.parseOrNull(ownerId);
        if (ownerId != null && !ownerId.isBlank() && owner == null) {
            check.problem("ownerId", "validation.owner");
        }
        LeadDraft draft = new LeadDraft(firstName, lastName, companyName, title, email, phone, source, status,
                disqualifiedReason, notes, owner, visibleToTeam);
        check.throwIfInvalidAlongWith(() -> LeadRules.normalize(draft, key -> true));
        return draft;
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getDisqualifiedReason() { return disqualifiedReason; }
    public void setDisqualifiedReason(String disqualifiedReason) { this.disqualifiedReason = disqualifiedReason; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public boolean isVisibleToTeam() { return visibleToTeam; }
    public void setVisibleToTeam(boolean visibleToTeam) { this.visibleToTeam = visibleToTeam; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
