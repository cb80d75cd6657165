package io.kervan.deals;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.JsonMergePatch;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/v1/pipelines} (with stages) and {@code /api/v1/lost-reasons}: everyone reads, admins change. */
@RestController
class PipelineApiController {

    private final PipelineService pipelines;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;

    PipelineApiController(PipelineService pipelines, IdempotentCreates idempotency, ObjectMapper json) {
        this.pipelines = pipelines;
        this.idempotency = idempotency;
        this.json = json;
    }

    @GetMapping("/api/v1/pipelines")
    PipelineJson.Page<PipelineJson.Resource> list(@RequestParam(defaultValue = "false") boolean includeArchived) {
        return new PipelineJson.Page<>(pipelines.list(includeArchived).stream().map(PipelineJson.Resource::of).toList(),
                null);
    }

    @GetMapping("/api/v1/pipelines/{id}")
    ResponseEntity<PipelineJson.Resource> get(@PathVariable UUID id) {
        return ok(pipelines.get(id));
    }

    @PostMapping("/api/v1/pipelines")
    ResponseEntity<PipelineJson.Resource> create(@RequestBody PipelineJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        PipelineView pipeline = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> pipelines.create(input.toDraft()), PipelineView::id)
                .orRead(pipelines::get);
        return ResponseEntity.created(URI.create("/api/v1/pipelines/" + pipeline.id()))
                .eTag(ETags.of(pipeline.version())).body(PipelineJson.Resource.of(pipeline));
    }

    @PatchMapping(path = "/api/v1/pipelines/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<PipelineJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        PipelineView current = pipelines.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), PipelineService.RECORD_TYPE, id);
        PipelineJson.Input merged = JsonMergePatch.apply(json, PipelineJson.Input.of(current), patch,
                PipelineJson.Input.class);
        return ok(pipelines.update(id, merged.toDraft(), expected));
    }

    @PostMapping("/api/v1/pipelines/{id}/archive")
    ResponseEntity<PipelineJson.Resource> archive(@PathVariable UUID id) {
        return ok(pipelines.setArchived(id, true));
    }

    @PostMapping("/api/v1/pipelines/{id}/unarchive")
    ResponseEntity<PipelineJson.Resource> unarchive(@PathVariable UUID id) {
        return ok(pipelines.setArchived(id, false));
    }

    /** Deletes a pipeline without deals; one in use answers 409. */
    @DeleteMapping("/api/v1/pipelines/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        pipelines.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/lost-reasons")
    PipelineJson.Page<PipelineJson.LostReason> lostReasons(
            @RequestParam(defaultValue = "false") boolean includeArchived) {
        return new PipelineJson.Page<>(pipelines.lostReasons(includeArchived).stream()
                .map(PipelineJson.LostReason::of).toList(), null);
    }

    private static ResponseEntity<PipelineJson.Resource> ok(PipelineView pipeline) {
        return ResponseEntity.ok().eTag(ETags.of(pipeline.version())).body(PipelineJson.Resource.of(pipeline));
    }
}
