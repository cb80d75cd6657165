package io.kervan.deals;

import org.springframework.context.i18n.LocaleContextHolder;

/** Picks the Turkish label of an admin-defined name (pipeline, stage, lost reason) for Turkish readers. */
final class Labels {

    private Labels() {
    }

    static String pick(String name, String nameTr) {
        boolean turkish = "tr".equals(LocaleContextHolder.getLocale().getLanguage());
        return turkish && nameTr != null && !nameTr.isBlank() ? nameTr : name;
    }
}
