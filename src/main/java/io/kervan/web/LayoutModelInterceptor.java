package io.kervan.web;

import io.kervan.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the page layout needs on every page: who is signed in and where we are. Added after the handler, and
 * only when a page is about to be rendered: as a {@code @ControllerAdvice} with {@code @ModelAttribute}
 * methods it also ran for every API call (a {@code @RestController} is a {@code @Controller}), about 4 % of a
 * get-by-id's CPU for a model nobody reads. A redirect gets nothing, since a redirect's model would become
 * query parameters.
 */
class LayoutModelInterceptor implements HandlerInterceptor {

    private static final Set<String> NOT_FILTERS = Set.of("cursor", "format", "lang", "_csrf");

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || isRedirect(page)) {
            return;
        }
        Map<String, Object> model = page.getModel();
        model.putIfAbsent("currentUser", CurrentUser.get().orElse(null));
        String listQuery = listQuery(request);
        model.putIfAbsent("listQuery", listQuery);
        model.putIfAbsent("listQueryFirst", listQuery.isEmpty() ? "" : "?" + listQuery.substring(1));
        model.putIfAbsent("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static boolean isRedirect(ModelAndView page) {
        String name = page.getViewName();
        return page.getView() instanceof RedirectView || (name != null && name.startsWith("redirect:"));
    }

    /**
     * The current list filters as query parameters, {@code "&q=...&sort=..."}, without paging and format: list
     * pages append it to their export and paging links, so those keep every filter.
     */
    private static String listQuery(HttpServletRequest request) {
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

    private static String encode(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
