package io.kervan.identity;

import io.kervan.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, the one-time setup page and the per-user language switch. */
@Controller
class SignInController {

    /** Session attribute the web module's locale resolver reads. */
    static final String LOCALE_ATTRIBUTE = "kervan.locale";

    private final FirstRunSetup setup;
    private final UserService users;

    SignInController(FirstRunSetup setup, UserService users) {
        this.setup = setup;
        this.users = users;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object failure = session == null ? null
                : session.getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("locked", failure instanceof org.springframework.security.authentication.LockedException);
        return "identity/login";
    }

    @GetMapping("/setup")
    String setupForm(Model model) {
        if (!setup.isNeeded()) {
            return "redirect:/login";
        }
        model.addAttribute("form", new SetupForm("", "", "", "", ""));
        return "identity/setup";
    }

    @PostMapping("/setup")
    String setup(SetupForm form, Model model, HttpSession session) {
        if (!setup.isNeeded()) {
            return "redirect:/login";
        }
        if (form.password() == null || !form.password().equals(form.passwordRepeat())) {
            model.addAttribute("form", form);
            model.addAttribute("errors", java.util.Map.of("passwordRepeat", "validation.password.mismatch"));
            return "identity/setup";
        }
        try {
            setup.createAdmin(form.email(), form.firstName(), form.lastName(), form.password(), "en");
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", e.byField());
            return "identity/setup";
        }
        return "redirect:/login?setup";
    }

    /** Switches the UI language for the signed-in user, remembered in their profile. */
    @PostMapping("/preferences/language")
    String language(@RequestParam String lang, HttpServletRequest request, HttpSession session) {
        String locale = UserService.localeOrDefault(lang);
        CurrentUser.get().ifPresent(user -> users.changeLocale(user.id(), locale));
        session.setAttribute(LOCALE_ATTRIBUTE, locale);
        String referer = request.getHeader("Referer");
        return "redirect:" + (referer != null && referer.startsWith(request.getScheme() + "://" + request.getServerName())
                ? referer : "/");
    }

    record SetupForm(String email, String firstName, String lastName, String password, String passwordRepeat) {
    }
}
