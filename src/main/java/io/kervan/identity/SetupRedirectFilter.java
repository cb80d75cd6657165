package io.kervan.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While no user exists, every page leads to the one-time setup page that creates the first admin.
 * Once a user exists the check is remembered, so it costs nothing afterwards. Part of the browser
 * security chain only (not a servlet filter of its own), so the API and health checks never redirect.
 */
class SetupRedirectFilter extends OncePerRequestFilter {

    private final FirstRunSetup setup;

    SetupRedirectFilter(FirstRunSetup setup) {
        this.setup = setup;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/setup") || path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/webjars/") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/img/") || path.equals("/favicon.ico")
                || path.startsWith("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (setup.isNeeded()) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        chain.doFilter(request, response);
    }
}
