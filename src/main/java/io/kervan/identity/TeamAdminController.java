package io.kervan.identity;

import io.kervan.shared.Ids;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/teams}: the admin's list of teams and the create and edit forms. */
@Controller
@RequestMapping("/admin/teams")
class TeamAdminController {

    private static final String FORM = "identity/team-form";

    private final TeamService teams;
    private final UserService users;

    TeamAdminController(TeamService teams, UserService users) {
        this.teams = teams;
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("teams", teams.list());
        return "identity/teams";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, null, TeamForm.empty());
    }

    @PostMapping
    String create(@ModelAttribute TeamForm form, Model model, RedirectAttributes redirect) {
        try {
            TeamView created = teams.create(form.name(), form.manager());
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/admin/teams";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return form(model, null, form);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, id, TeamForm.of(teams.get(id)));
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute TeamForm form, Model model, RedirectAttributes redirect) {
        try {
            TeamView updated = teams.update(id, form.name(), form.manager(), form.versionOrZero());
            redirect.addFlashAttribute("saved", updated.name());
            return "redirect:/admin/teams";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(model, id, form);
    }

    private String form(Model model, UUID id, TeamForm form) {
        model.addAttribute("form", form);
        model.addAttribute("teamId", id);
        model.addAttribute("members", id == null ? List.of() : membersOf(id));
        model.addAttribute("managers", managerChoices(Ids.parseOrNull(form.managerId())));
        return FORM;
    }

    /** Active managers and admins, plus the current manager even if they no longer qualify, so the form shows them. */
    private List<UserView> managerChoices(UUID currentManager) {
        return users.list().stream()
                .filter(u -> u.id().equals(currentManager)
                        || (u.active() && (u.role() == Role.MANAGER || u.role() == Role.ADMIN)))
                .toList();
    }

    private List<UserView> membersOf(UUID teamId) {
        return users.list().stream().filter(u -> teamId.equals(u.teamId())).toList();
    }
}
