package io.kervan.shared.records;

import io.kervan.shared.InvalidInputException;
import java.util.Arrays;
import java.util.UUID;

/**
 * The kinds of record an activity or a task can be linked to, and the global search looks through (in this
 * order), with their API names and page paths.
 */
public enum RecordType {
    CONTACT("contact", "/contacts/"),
    COMPANY("company", "/companies/"),
    LEAD("lead", "/leads/"),
    DEAL("deal", "/deals/");

    private final String apiName;
    private final String pathPrefix;

    RecordType(String apiName, String pathPrefix) {
        this.apiName = apiName;
        this.pathPrefix = pathPrefix;
    }

    /** The name used in the API and in URLs: {@code contact}, {@code company}, {@code lead}, {@code deal}. */
    public String apiName() {
        return apiName;
    }

    /** The record's page in the UI. */
    public String pagePath(UUID id) {
        return pathPrefix + id;
    }

    /** The list page in the UI: {@code /contacts}. */
    public String listPath() {
        return pathPrefix.substring(0, pathPrefix.length() - 1);
    }

    /** The plural name of the list and of the API resource: {@code contacts}, as in {@code /api/v1/contacts}. */
    public String resource() {
        return listPath().substring(1);
    }

    /** Reads an API name; unknown names are the caller's mistake (400), naming the accepted values. */
    public static RecordType fromApiName(String name) {
        return Arrays.stream(values()).filter(type -> type.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("recordType",
                        "must be one of contact, company, lead, deal"));
    }
}
