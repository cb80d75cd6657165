package io.kervan.deals;

import io.kervan.identity.TeamService;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices of the deal filters (pipelines, owners, teams) that the board and the list offer. */
@Component
class DealFilterChoices {

    private final PipelineService pipelines;
    private final UserService users;
    private final TeamService teams;

    DealFilterChoices(PipelineService pipelines, UserService users, TeamService teams) {
        this.pipelines = pipelines;
        this.users = users;
        this.teams = teams;
    }

    void addTo(Model model) {
        addTo(model, pipelines.list(false));
    }

    /** With the active pipelines already read ({@link PipelineService#list}). */
    void addTo(Model model, List<PipelineView> activePipelines) {
        model.addAttribute("pipelines", activePipelines);
        model.addAttribute("users", users.list().stream().filter(UserView::active).toList());
        model.addAttribute("teams", teams.list());
    }
}
