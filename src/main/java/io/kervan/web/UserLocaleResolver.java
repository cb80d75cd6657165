package io.kervan.web;

import io.kervan.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The UI language: the user's saved choice once signed in (kept in the session after the first
 * request), otherwise the browser's preference — Turkish if it asks for Turkish, else English.
 */
class UserLocaleResolver implements LocaleResolver {

    static final String SESSION_ATTRIBUTE = "kervan.locale";
    static final Locale TURKISH = Locale.forLanguageTag("tr");

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (chosen == null) {
            chosen = CurrentUser.get().map(CurrentUser::locale).orElse(null);
            if (chosen != null && session != null) {
                session.setAttribute(SESSION_ATTRIBUTE, chosen);
            }
        }
        if (chosen != null) {
            return "tr".equals(chosen) ? TURKISH : Locale.ENGLISH;
        }
        String accept = request.getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("tr") ? TURKISH : Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String language = locale != null && "tr".equals(locale.getLanguage()) ? "tr" : "en";
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, language);
    }
}
