package io.kervan.contacts;

/** One company row of the contact form: the chosen company and the contact's role there. */
public class CompanyLinkForm {

    private String companyId;
    private String role;

    public CompanyLinkForm() {
    }

    CompanyLinkForm(String companyId, String role) {
        this.companyId = companyId;
        this.role = role;
    }

    boolean isBlank() {
        return (companyId == null || companyId.isBlank()) && (role == null || role.isBlank());
    }

    public String getCompanyId() { return companyId; }
    public void setCompanyId(String companyId) { this.companyId = companyId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
}
