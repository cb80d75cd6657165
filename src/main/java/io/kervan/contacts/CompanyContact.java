package io.kervan.contacts;

import java.util.UUID;

/** A contact as listed on a company's page: with the role at that company and whether it is their primary one. */
public record CompanyContact(UUID contactId, String firstName, String lastName, String title, String role,
        boolean primary, String email, String phone) {

    public String displayName() {
        return lastName == null ? firstName : firstName + " " + lastName;
    }
}
