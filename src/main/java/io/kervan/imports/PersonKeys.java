package io.kervan.imports;

import io.kervan.shared.EmailAddresses;
import io.kervan.shared.PhoneNumbers;

/**
 * How contact and lead rows read the ways to reach a person: e-mail addresses and phone numbers are compared
 * and stored in their normal form (lower-case address, E.164 number) when they are valid, and kept as written
 * when not, so that a bad value still reaches the service and gets its own clear error.
 */
final class PersonKeys {

    private PersonKeys() {
    }

    /** The form in which two rows' match keys are the same key; for the import's duplicate-row check. */
    static String normalizedKey(String key, String value) {
        return switch (key) {
            case "email" -> EmailAddresses.normalize(value).orElse(value.strip());
            case "phone" -> PhoneNumbers.toE164(value).orElse(value.strip());
            default -> value.strip();
        };
    }

    static String email(String value) {
        return EmailAddresses.normalize(value).orElse(value);
    }

    static String phone(String value) {
        return PhoneNumbers.toE164(value).orElse(value);
    }
}
