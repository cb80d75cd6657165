package io.kervan.web;

import io.kervan.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page layout needs on every page: who is signed in and where we are. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.get().orElse(null);
    }

    /**
     * The current list filters as query parameters, {@code "&q=...&sort=..."}, without paging and
     * format: list pages append it to their export and paging links, so those keep every filter.
     */
    @ModelAttribute("listQuery")
    String listQuery(HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (NOT_FILTERS.contains(name)) {
                return;
            }
            for (String value : values) {
                query.append('&').append(encode(name)).append('=').append(encode(value));
            }
        });
        return query.toString();
    }

    /** {@link #listQuery} as the start of a query string: {@code "?q=..."}, or nothing. */
    @ModelAttribute("listQueryFirst")
    String listQueryFirst(HttpServletRequest request) {
        String query = listQuery(request);
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }

    private static final java.util.Set<String> NOT_FILTERS = java.util.Set.of("cursor", "format", "lang", "_csrf");

    private static String encode(String text) {
        return text == null ? "" : java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
