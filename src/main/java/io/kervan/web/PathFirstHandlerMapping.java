package io.kervan.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method by comparing paths first. For a URL with a variable
 * ({@code /api/v1/contacts/{id}}) Spring MVC tries every one of Kervan's ~270 mappings, and checks each one's
 * method, parameter, header, content-type and CORS conditions before its path, every check reading the request
 * through Security's and Spring Session's wrappers (docs/benchmarks.md, "Fourth round" and "Fifth round").
 *
 * <p>Each mapping is first turned down, when it can be, by the literal start of its patterns
 * ({@code /api/v1/contacts/} for {@code /api/v1/contacts/{id}}): one {@code startsWith} instead of a pattern
 * match. Then the path condition, and only then the full check. Every step is a condition the full check applies
 * itself, so the method found is the same. It is the htmx library's mapping otherwise, so the library's
 * {@code @HxRequest} conditions still apply.
 */
class PathFirstHandlerMapping extends HtmxRequestMappingHandlerMapping {

    /** The path being looked up on this thread; set around the lookup, which runs on the request's thread. */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    private final Map<RequestMappingInfo, String[]> literalStarts = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        // an encoded path compares its decoded segments with the patterns: leave those to the patterns alone
        LOOKUP_PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths == null) {
            return super.getMatchingMapping(info, request);
        }
        String path = LOOKUP_PATH.get();
        if (path != null && !startsWithAny(path, literalStarts.computeIfAbsent(info, PathFirstHandlerMapping::starts))) {
            return null;
        }
        if (paths.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] starts) {
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** Each pattern's text up to its first variable or wildcard: a path the pattern matches starts with it. */
    static String[] starts(RequestMappingInfo info) {
        return info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                .map(PathFirstHandlerMapping::literalStart).toArray(String[]::new);
    }

    static String literalStart(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }
}
