package io.kervan.identity;

import io.kervan.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /settings/tokens}: the signed-in user's personal API tokens. */
@Controller
@RequestMapping("/settings/tokens")
class TokenSettingsController {

    private static final String PAGE = "identity/tokens";

    private final ApiTokenService tokens;

    TokenSettingsController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Model model) {
        return page(model);
    }

    /**
     * Shows the new secret on the page answering the POST rather than after a redirect: a redirect
     * would have to park the secret in the (database-stored) session until the next request.
     */
    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("issued", tokens.issue(CurrentUser.require().id(), name));
            response.setHeader("Cache-Control", "no-store");
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            model.addAttribute("name", name);
        }
        return page(model);
    }

    /** Revokes one of the user's own tokens; someone else's token id is "not found". */
    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(CurrentUser.require().id(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/settings/tokens";
    }

    private String page(Model model) {
        model.addAttribute("tokens", tokens.listFor(CurrentUser.require().id()));
        model.addAttribute("zone", Display.ZONE);
        return PAGE;
    }
}
