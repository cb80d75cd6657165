package io.kervan.audit;

import io.kervan.shared.Keyset;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin page of the export log (under the admin-only {@code /admin} path). */
@Controller
class ExportLogController {

    private final ExportLog log;

    ExportLogController(ExportLog log) {
        this.log = log;
    }

    @GetMapping("/admin/exports")
    String page(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", log.page(cursor, Keyset.DEFAULT_LIMIT));
        model.addAttribute("cursor", cursor);
        return "audit/exports";
    }
}
