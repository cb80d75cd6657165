package io.kervan.identity;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.JsonMergePatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/v1/teams}: every signed-in caller reads teams; the security chain lets only admins change them. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamApiController {

    private final TeamService teams;
    private final ObjectMapper json;

    TeamApiController(TeamService teams, ObjectMapper json) {
        this.teams = teams;
        this.json = json;
    }

    record TeamList(List<TeamJson> items) {
    }

    /** Body of a create, and what a merge patch is applied to. */
    record TeamInput(String name, UUID managerId) {
    }

    @GetMapping
    TeamList list() {
        return new TeamList(teams.list().stream().map(TeamJson::of).toList());
    }

    @GetMapping("/{id}")
    ResponseEntity<TeamJson> get(@PathVariable UUID id) {
        TeamView team = teams.get(id);
        return ResponseEntity.ok().eTag(ETags.of(team.version())).body(TeamJson.of(team));
    }

    @PostMapping
    ResponseEntity<TeamJson> create(@RequestBody TeamInput body) {
        TeamView created = teams.create(body.name(), body.managerId());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id())
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(created.version())).body(TeamJson.of(created));
    }

    /** JSON merge patch: {@code "managerId": null} leaves the team without a manager. */
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<TeamJson> patch(@PathVariable UUID id, @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TeamView current = teams.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), "team", id);
        TeamInput merged = JsonMergePatch.apply(json, new TeamInput(current.name(), current.managerId()), body,
                TeamInput.class);
        TeamView updated = teams.update(id, merged.name(), merged.managerId(), expected);
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(TeamJson.of(updated));
    }
}
