package io.kervan.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's controller method by comparing paths first. For a URL with a variable
 * ({@code /api/v1/contacts/{id}}) Spring MVC tries every one of Kervan's ~270 mappings, and checks each one's
 * method, parameter, header, content-type and CORS conditions before its path, every check reading the request
 * through Security's and Spring Session's wrappers: about a third of the CPU of a
 * {@code GET /api/v1/contacts/{id}} (docs/benchmarks.md, "Fourth round"). The path condition turns almost every
 * mapping down with a few string comparisons. It is the same condition the full check applies, so the method
 * found is the same.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && paths.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
