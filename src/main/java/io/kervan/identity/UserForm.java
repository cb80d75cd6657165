package io.kervan.identity;

import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;

/**
 * The user form as the browser posts it. Everything arrives as text so that a damaged value becomes
 * a field error instead of a binding failure; an unticked "active" box is simply absent.
 */
record UserForm(String email, String firstName, String lastName, String password, String role, String teamId,
        Boolean active, String locale, Long version) {

    static UserForm empty() {
        return new UserForm("", "", "", "", Role.SALES_REP.name(), "", true, "en", null);
    }

    static UserForm of(UserView user) {
        return new UserForm(user.email(), user.firstName(), user.lastName(), "", user.role().name(),
                user.teamId() == null ? "" : user.teamId().toString(), user.active(), user.locale(), user.version());
    }

    UserDraft toDraft() {
        return new UserDraft(email, firstName, lastName, password == null || password.isEmpty() ? null : password,
                role(role), team(teamId), Boolean.TRUE.equals(active), locale);
    }

    /** The form as shown again after an error: a typed password is never sent back to the browser. */
    UserForm withoutPassword() {
        return new UserForm(email, firstName, lastName, "", role, teamId, active, locale, version);
    }

    long versionOrZero() {
        return version == null ? 0 : version;
    }

    private static Role role(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "validation.type");
        }
    }

    private static java.util.UUID team(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        java.util.UUID id = Ids.parseOrNull(text);
        if (id == null) {
            throw new InvalidInputException("teamId", "validation.team.unknown");
        }
        return id;
    }
}
