package io.kervan.identity;

import java.net.URI;
import java.util.List;
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
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.JsonMergePatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /api/v1/users}: administration of users (the security chain admits only admins) and
 * {@code /me}, which every signed-in caller may read.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

    private final UserService users;
    private final ObjectMapper json;

    UserApiController(UserService users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    record UserList(List<UserJson> items) {
    }

    /**
     * Body of a create, and what a merge patch is applied to; {@code active} defaults to true and
     * {@code locale} to English. The password is never read back: in a patch it is only set when given.
     */
    record UserInput(String email, String firstName, String lastName, String password, Role role, UUID teamId,
            Boolean active, String locale) {

        static UserInput of(UserView user) {
            return new UserInput(user.email(), user.firstName(), user.lastName(), null, user.role(), user.teamId(),
                    user.active(), user.locale());
        }

        UserDraft toDraft() {
            return new UserDraft(email, firstName, lastName, password, role, teamId, active == null || active, locale);
        }
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
    ResponseEntity<UserJson> create(@RequestBody UserInput body) {
        UserView created = users.create(body.toDraft());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id())
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(created.version())).body(UserJson.of(created));
    }

    /** JSON merge patch: only the fields present change; {@code "teamId": null} takes the user out of their team. */
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<UserJson> patch(@PathVariable UUID id, @RequestBody JsonNode body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        UserView current = users.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), "user", id);
        UserInput merged = JsonMergePatch.apply(json, UserInput.of(current), body, UserInput.class);
        return withETag(HttpStatus.OK, users.update(id, merged.toDraft(), expected));
    }

    private static ResponseEntity<UserJson> withETag(HttpStatus status, UserView user) {
        return ResponseEntity.status(status).eTag(ETags.of(user.version())).body(UserJson.of(user));
    }
}
