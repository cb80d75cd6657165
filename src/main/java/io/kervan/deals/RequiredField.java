package io.kervan.deals;

import java.util.Arrays;
import java.util.Optional;

/** Deal fields a stage may require before a deal enters it; {@link #key()} is the API and form name. */
public enum RequiredField {
    VALUE("value"),
    CURRENCY("currency"),
    EXPECTED_CLOSE_DATE("expectedCloseDate"),
    COMPANY_ID("companyId"),
    CONTACT_IDS("contactIds"),
    SOURCE("source"),
    /** At least one product line (see {@link DealLineItems}). */
    LINE_ITEMS("lineItems");

    private final String key;

    RequiredField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<RequiredField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
