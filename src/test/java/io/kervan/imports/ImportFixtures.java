package io.kervan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Starts imports through the API and waits for them, for tests sharing one database. */
final class ImportFixtures {

    private final MockMvcTester mvc;
    private final TestUsers users;
    private final ObjectMapper json;

    ImportFixtures(MockMvcTester mvc, ApplicationContext context) {
        this.mvc = mvc;
        this.users = new TestUsers(context);
        this.json = context.getBean(ObjectMapper.class);
    }

    TestUsers.TestUser user(Role role) {
        return users.create(role, null);
    }

    static String token() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            token.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return token.toString();
    }

    MvcTestResult post(TestUsers.TestUser user, String fileName, byte[] file, String mapping) {
        return mvc.post().uri("/api/v1/imports").header("Authorization", user.bearer())
                .multipart()
                .file(new MockMultipartFile("file", fileName, "text/csv", file))
                .file(new MockMultipartFile("mapping", "", "application/json", mapping.getBytes(StandardCharsets.UTF_8)))
                .exchange();
    }

    MvcTestResult post(TestUsers.TestUser user, String csv, String mapping) {
        return post(user, "data.csv", csv.getBytes(StandardCharsets.UTF_8), mapping);
    }

    /** Starts an import and waits until it has ended; returns the job resource. */
    JsonNode run(TestUsers.TestUser user, String fileName, byte[] file, String mapping) {
        MvcTestResult started = post(user, fileName, file, mapping);
        assertThat(started).hasStatus(202);
        String id = read(started).get("id").asString();
        return waitForEnd(user, id);
    }

    JsonNode run(TestUsers.TestUser user, String csv, String mapping) {
        return run(user, "data.csv", csv.getBytes(StandardCharsets.UTF_8), mapping);
    }

    JsonNode run(TestUsers.TestUser user, String csv, Charset charset, String mapping) {
        return run(user, "data.csv", csv.getBytes(charset), mapping);
    }

    JsonNode waitForEnd(TestUsers.TestUser user, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get(user, id);
            return java.util.List.of("completed", "failed", "cancelled", "undone")
                    .contains(last[0].get("status").asString());
        });
        return last[0];
    }

    JsonNode get(TestUsers.TestUser user, String id) {
        MvcTestResult result = mvc.get().uri("/api/v1/imports/" + id).header("Authorization", user.bearer()).exchange();
        assertThat(result).hasStatus(200);
        return read(result);
    }

    String errors(TestUsers.TestUser user, String id) {
        MvcTestResult result = mvc.get().uri("/api/v1/imports/" + id + "/errors").header("Authorization", user.bearer())
                .exchange();
        assertThat(result).hasStatus(200);
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** Starts the undo (answered at once, {@code undoing}) and waits for the background job to end it. */
    JsonNode undo(TestUsers.TestUser user, String id) {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/" + id + "/undo").header("Authorization", user.bearer())
                .exchange();
        assertThat(result).hasStatus(202);
        assertThat(read(result).get("status").asString()).isIn("undoing", "undone");
        return waitForEnd(user, id);
    }

    JsonNode read(MvcTestResult result) {
        try {
            return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static UUID id(JsonNode job) {
        return UUID.fromString(job.get("id").asString());
    }
}
