package io.kervan.leads;

import io.kervan.shared.ConflictException;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.StaleVersionException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/lead-sources}: the admin adds, renames, deactivates and reactivates lead sources. */
@Controller
@RequestMapping("/admin/lead-sources")
class LeadSourceAdminController {

    private final LeadSourceService sources;

    LeadSourceAdminController(LeadSourceService sources) {
        this.sources = sources;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("sources", sources.list(true));
        return "leads/sources";
    }

    @PostMapping
    String create(@RequestParam(required = false) String key, @RequestParam(required = false) String labelEn,
            @RequestParam(required = false) String labelTr, Model model, RedirectAttributes redirect) {
        try {
            LeadSource created = sources.create(key, labelEn, labelTr);
            redirect.addFlashAttribute("saved", created.key());
            return "redirect:/admin/lead-sources";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (ConflictException e) {
            model.addAttribute("errors", java.util.Map.of("key", "leads.validation.sourceKeyTaken"));
        }
        model.addAttribute("newKey", key);
        model.addAttribute("newLabelEn", labelEn);
        model.addAttribute("newLabelTr", labelTr);
        return list(model);
    }

    @PostMapping("/{id}")
    String rename(@PathVariable UUID id, @RequestParam(required = false) String labelEn,
            @RequestParam(required = false) String labelTr, @RequestParam(required = false) Long version,
            Model model, RedirectAttributes redirect) {
        try {
            LeadSource updated = sources.update(id, labelEn == null ? "" : labelEn, labelTr == null ? "" : labelTr,
                    null, version);
            redirect.addFlashAttribute("saved", updated.key());
            return "redirect:/admin/lead-sources";
        } catch (InvalidInputException e) {
            model.addAttribute("rowErrors", e.byField());
            model.addAttribute("rowId", id);
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return list(model);
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        LeadSource updated = sources.update(id, null, null, active, null);
        redirect.addFlashAttribute("saved", updated.key());
        return "redirect:/admin/lead-sources";
    }
}
