package io.kervan.audit;

import io.kervan.shared.Keyset;
import io.kervan.shared.Slice;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The export log for admins over the API: {@code GET /api/v1/audit/exports}, newest first, cursor-paged. */
@RestController
class ExportLogApiController {

    private final ExportLog log;

    ExportLogApiController(ExportLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/audit/exports")
    Map<String, Object> list(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        Slice<ExportLogEntry> page = log.page(cursor, Keyset.limit(limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("nextCursor", page.nextCursor());
        return body;
    }
}
