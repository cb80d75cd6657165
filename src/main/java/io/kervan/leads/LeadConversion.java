package io.kervan.leads;

import java.util.UUID;

/**
 * What a lead became: a contact, the company it works for ({@code null} when none was chosen), and a
 * deal ({@code null} until the deals module is wired in).
 */
public record LeadConversion(UUID contactId, UUID companyId, UUID dealId) {

    /**
     * How to convert. {@code companyId}: an existing company the user picked (must be visible);
     * {@code createCompany}: make a new company from the lead's company name ({@code null}: yes when no
     * company was picked and the lead has a company name); {@code pipelineId} and {@code dealTitle}:
     * the optional deal step.
     */
    public record Request(UUID companyId, Boolean createCompany, UUID pipelineId, String dealTitle) {
    }
}
