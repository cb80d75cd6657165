package io.kervan.web;

import io.kervan.shared.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies larger than {@code kervan.api.max-request-size} (default 16 MB) with a
 * 413 before anything reads them, so one oversized request cannot exhaust memory. Import uploads
 * ({@code /api/v1/imports}) are streamed to disk and allowed up to {@code kervan.imports.max-file-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxImportBytes;

    RequestSizeLimitFilter(@Value("${kervan.api.max-request-size:16MB}") DataSize maxSize,
            @Value("${kervan.imports.max-file-size:256MB}") DataSize maxImportSize) {
        this.maxBytes = maxSize.toBytes();
        // the multipart envelope around the file needs a little room
        this.maxImportBytes = maxImportSize.toBytes() + 64 * 1024;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = request.getRequestURI().equals(request.getContextPath() + "/api/v1/imports");
        long limit = upload ? maxImportBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            ProblemJson.write(response, 413, "Content too large",
                    "The request body is larger than " + limit + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
