package io.kervan.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/users}: administration of users (the security chain admits only admins) and
 * {@code /me}, which every signed-in caller may read.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private static final Set<String> PATCHABLE = Set.of("email", "firstName", "lastName", "password", "role",
            "teamId", "active", "locale");

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    record UserList(List<UserJson> items) {
    }

    /** Body of a create; {@code active} defaults to true and {@code locale} to English. */
    record CreateUser(String email, String firstName, String lastName, String password, Role role, UUID teamId,
            Boolean active, String locale) {
    }

    @GetMapping
    UserList list() {
        return new UserList(users.list().stream().map(UserJson::of).toList());
    }

    @GetMapping("/me")
    ResponseEntity<UserJson> me() {
        return withETag(HttpStatus.OK, users.get(CurrentUser.require().id()));
    }

    @GetMapping("/{id}")
    ResponseEntity<UserJson> get(@PathVariable UUID id) {
        return withETag(HttpStatus.OK, users.get(id));
    }

    @PostMapping
    ResponseEntity<UserJson> create(@RequestBody CreateUser body) {
        UserView created = users.create(new UserDraft(body.email(), body.firstName(), body.lastName(),
                body.password(), body.role(), body.teamId(), body.active() == null || body.active(), body.locale()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id())
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(created.version())).body(UserJson.of(created));
    }

    /** JSON merge patch: only the fields present change; {@code "teamId": null} takes the user out of their team. */
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<UserJson> patch(@PathVariable UUID id, @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        UserView current = users.get(id);
        ETags.requireMatch(ifMatch, current.version(), "user", id);
        MergePatch patch = MergePatch.of(body, PATCHABLE);
        UserDraft draft = new UserDraft(patch.text("email", current.email()),
                patch.text("firstName", current.firstName()), patch.text("lastName", current.lastName()),
                patch.text("password", null), patch.enumValue("role", Role.class, current.role()),
                patch.uuid("teamId", current.teamId()), patch.bool("active", current.active()),
                patch.text("locale", current.locale()));
        patch.requireValid();
        return withETag(HttpStatus.OK, users.update(id, draft, current.version()));
    }

    private static ResponseEntity<UserJson> withETag(HttpStatus status, UserView user) {
        return ResponseEntity.status(status).eTag(ETags.of(user.version())).body(UserJson.of(user));
    }
}
