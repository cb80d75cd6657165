package io.kervan.deals;

import io.kervan.shared.ConflictException;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.StaleVersionException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for pipelines (stage rows added, moved up/down and retired on the server, no script
 * needed) and for the lost reasons. {@code /admin/**} is for admins only (security configuration).
 */
@Controller
class PipelineAdminController {

    private final PipelineService pipelines;

    PipelineAdminController(PipelineService pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping("/admin/pipelines")
    String list(Model model) {
        model.addAttribute("pipelines", pipelines.list(true));
        return "deals/admin-pipelines";
    }

    @GetMapping("/admin/pipelines/new")
    String newForm(Model model) {
        return form(model, PipelineForm.blank(), null);
    }

    @GetMapping("/admin/pipelines/{id}")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, PipelineForm.of(pipelines.get(id)), pipelines.get(id));
    }

    @PostMapping("/admin/pipelines")
    String create(@ModelAttribute("form") PipelineForm form, @RequestParam(defaultValue = "save") String action,
            Model model) {
        if (rearranged(form, action)) {
            return form(model, form, null);
        }
        try {
            PipelineView created = pipelines.create(form.toDraft());
            return "redirect:/admin/pipelines/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        }
        return form(model, form, null);
    }

    @PostMapping("/admin/pipelines/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") PipelineForm form,
            @RequestParam(defaultValue = "save") String action, Model model) {
        PipelineView pipeline = pipelines.get(id);
        if (rearranged(form, action)) {
            return form(model, form, pipeline);
        }
        try {
            long version = form.getVersion() == null ? pipeline.version() : form.getVersion();
            pipelines.update(id, form.toDraft(), version);
            return "redirect:/admin/pipelines/" + id + "?saved=true";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(model, form, pipeline);
    }

    @PostMapping("/admin/pipelines/{id}/archive")
    String archive(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean archived) {
        pipelines.setArchived(id, archived);
        return "redirect:/admin/pipelines";
    }

    @PostMapping("/admin/pipelines/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            pipelines.delete(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("inUse", id);
        }
        return "redirect:/admin/pipelines";
    }

    @GetMapping("/admin/lost-reasons")
    String lostReasons(Model model) {
        model.addAttribute("reasons", pipelines.lostReasons(true));
        return "deals/admin-lost-reasons";
    }

    @PostMapping("/admin/lost-reasons")
    String addLostReason(@RequestParam(required = false) String name, @RequestParam(required = false) String nameTr,
            Model model) {
        try {
            pipelines.createLostReason(name, nameTr);
            return "redirect:/admin/lost-reasons";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            model.addAttribute("newName", name);
            model.addAttribute("newNameTr", nameTr);
            return lostReasons(model);
        }
    }

    @PostMapping("/admin/lost-reasons/{id}")
    String updateLostReason(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String nameTr, @RequestParam(defaultValue = "false") boolean archived,
            Model model) {
        try {
            pipelines.updateLostReason(id, name, nameTr, archived);
            return "redirect:/admin/lost-reasons";
        } catch (InvalidInputException e) {
            model.addAttribute("rowErrors", e.byField());
            model.addAttribute("errorRow", id);
            return lostReasons(model);
        }
    }

    /** "add", "up:2" and "down:2" change the rows on the page only; "save" stores them. */
    private static boolean rearranged(PipelineForm form, String action) {
        if (action.equals("add")) {
            form.getStages().add(new PipelineForm.StageRow());
            return true;
        }
        try {
            if (action.startsWith("up:")) {
                form.move(Integer.parseInt(action.substring(3)), -1);
                return true;
            }
            if (action.startsWith("down:")) {
                form.move(Integer.parseInt(action.substring(5)), 1);
                return true;
            }
        } catch (NumberFormatException e) {
            return true;
        }
        return false;
    }

    private String form(Model model, PipelineForm form, PipelineView pipeline) {
        model.addAttribute("form", form);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("fields", List.of(RequiredField.values()));
        return "deals/admin-pipeline-form";
    }
}
