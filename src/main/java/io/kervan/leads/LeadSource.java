package io.kervan.leads;

import java.util.Locale;
import java.util.UUID;

/** One entry of the admin-defined list of lead sources. {@code key} never changes once made. */
public record LeadSource(UUID id, String key, String labelEn, String labelTr, boolean active, int position,
        long version) {

    /** The label in the given language (Turkish for {@code tr}, English otherwise). */
    public String label(Locale locale) {
        return locale != null && "tr".equals(locale.getLanguage()) ? labelTr : labelEn;
    }
}
