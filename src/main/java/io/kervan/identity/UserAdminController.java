package io.kervan.identity;

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

/** {@code /admin/users}: the admin's list of users and the create and edit forms (admins only, see the security chain). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final String FORM = "identity/user-form";

    private final UserService users;
    private final TeamService teams;

    UserAdminController(UserService users, TeamService teams) {
        this.users = users;
        this.teams = teams;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.list());
        return "identity/users";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, null, UserForm.empty());
    }

    @PostMapping
    String create(@ModelAttribute UserForm form, Model model, RedirectAttributes redirect) {
        try {
            UserView created = users.create(form.toDraft());
            redirect.addFlashAttribute("saved", created.displayName());
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return form(model, null, form.withoutPassword());
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        return form(model, id, UserForm.of(users.get(id)));
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute UserForm form, Model model, RedirectAttributes redirect) {
        try {
            UserView updated = users.update(id, form.toDraft(), form.versionOrZero());
            redirect.addFlashAttribute("saved", updated.displayName());
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(model, id, form.withoutPassword());
    }

    /** Lifts a sign-in lock before it runs out, e.g. after the user called in. */
    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id) {
        users.unlock(id);
        return "redirect:/admin/users/" + id + "/edit";
    }

    private String form(Model model, UUID id, UserForm form) {
        model.addAttribute("form", form);
        model.addAttribute("userId", id);
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("teams", teams.list());
        model.addAttribute("lockedUntil", id == null ? null : users.lockedUntil(id).orElse(null));
        model.addAttribute("zone", Display.ZONE);
        return FORM;
    }
}
