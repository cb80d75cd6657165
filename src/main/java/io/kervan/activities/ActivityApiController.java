package io.kervan.activities;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ApiResponses;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.JsonMergePatch;
import io.kervan.shared.records.RecordRef;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/v1/activities}: list (by record, type, time), get, log, merge-patch, delete. */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityApiController {

    private final ActivityService activities;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;

    ActivityApiController(ActivityService activities, IdempotentCreates idempotency, ObjectMapper json) {
        this.activities = activities;
        this.idempotency = idempotency;
        this.json = json;
    }

    @GetMapping
    ActivityJson.Page list(@RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId, @RequestParam(required = false) String type,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        Slice<Activity> page = activities.list(record(recordType, recordId), type, from, to, cursor, limit);
        return new ActivityJson.Page(page.items().stream().map(ActivityJson.Resource::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    ResponseEntity<ActivityJson.Resource> get(@PathVariable UUID id) {
        return ok(activities.get(id));
    }

    @PostMapping
    ResponseEntity<ActivityJson.Resource> create(@RequestBody ActivityJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Activity activity = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                json.writeValueAsString(input), () -> activities.log(input.toDraft()), Activity::id)
                .orRead(activities::get);
        return ApiResponses.created("/api/v1/activities/" + activity.id(), activity.version(),
                ActivityJson.Resource.of(activity));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<ActivityJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Activity current = activities.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), ActivityService.RECORD_TYPE, id);
        ActivityJson.Input merged = JsonMergePatch.apply(json, ActivityJson.Input.of(current), patch,
                ActivityJson.Input.class);
        return ok(activities.update(id, merged.toDraft(), expected));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Activity current = activities.get(id);
        activities.delete(id, ETags.expectedVersion(ifMatch, current.version(), ActivityService.RECORD_TYPE, id));
        return ResponseEntity.noContent().build();
    }

    /** Both or neither of recordType and recordId. */
    static RecordRef record(String recordType, UUID recordId) {
        if (recordType == null && recordId == null) {
            return null;
        }
        if (recordType == null || recordId == null) {
            throw new InvalidInputException(recordType == null ? "recordType" : "recordId", "validation.required");
        }
        return RecordRef.of(recordType, recordId);
    }

    private static ResponseEntity<ActivityJson.Resource> ok(Activity activity) {
        return ApiResponses.ok(activity.version(), ActivityJson.Resource.of(activity));
    }
}
