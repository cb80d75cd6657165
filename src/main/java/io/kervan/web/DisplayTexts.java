package io.kervan.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A label for a value that may or may not have one ({@code ${@texts.labelOr('lead.status.' + s, s)}}): a coded
 * value (a status key, an error's message key) shows its translation, anything else (a title, a name, an error
 * already in words) shows as it is. Templates use it wherever a message may be missing.
 *
 * <p>Why not Thymeleaf's {@code #messages.msgOrNull}: it asks Spring's message source in the way that throws
 * {@code NoSuchMessageException} for a missing code and then catches it. A change history card asks for a label
 * for every changed value, most of which have none, and filling in those exceptions' stack traces was a
 * measurable share of a record page's CPU. The message source's lookup with a default answers without throwing.
 */
@Component("texts")
class DisplayTexts {

    private final MessageSource messages;

    DisplayTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The message under {@code code} in the page's language, or {@code fallback} when there is none. */
    public String labelOr(String code, String fallback) {
        if (code == null) {
            return fallback;
        }
        String label = messages.getMessage(code, null, null, LocaleContextHolder.getLocale());
        return label == null ? fallback : label;
    }
}
