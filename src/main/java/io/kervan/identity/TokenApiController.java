package io.kervan.identity;

import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/auth/tokens}: exchanges HTTP Basic credentials (the only API endpoint that
 * takes them, see {@link SecurityConfiguration}) for a personal API token.
 */
@RestController
class TokenApiController {

    private final ApiTokenService tokens;

    TokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record IssueToken(String name) {
    }

    record IssuedTokenJson(String token, UUID id, String name) {
    }

    /** The body is optional: {@code curl -u me:pw -X POST .../auth/tokens} is enough to get a token. */
    @PostMapping("/api/v1/auth/tokens")
    ResponseEntity<IssuedTokenJson> issue(@RequestBody(required = false) IssueToken body) {
        ApiTokenService.IssuedToken issued = tokens.issue(CurrentUser.require().id(), body == null ? null : body.name());
        // The secret is shown this once; no cache along the way may keep a copy.
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new IssuedTokenJson(issued.token(), issued.id(), issued.name()));
    }
}
