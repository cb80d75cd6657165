package io.kervan.tasks;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.Slice;
import io.kervan.shared.api.ETags;
import io.kervan.shared.api.IdempotentCreates;
import io.kervan.shared.api.JsonMergePatch;
import io.kervan.shared.records.RecordRef;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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

/** {@code /api/v1/tasks}: list (assignee, status, due window, record), get, create, merge-patch. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApiController {

    private final TaskService tasks;
    private final IdempotentCreates idempotency;
    private final ObjectMapper json;

    TaskApiController(TaskService tasks, IdempotentCreates idempotency, ObjectMapper json) {
        this.tasks = tasks;
        this.idempotency = idempotency;
        this.json = json;
    }

    @GetMapping
    TaskJson.Page list(@RequestParam(required = false) UUID assigneeId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String due, @RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        RecordRef record = null;
        if (recordType != null || recordId != null) {
            if (recordId == null) {
                throw new io.kervan.shared.InvalidInputException("recordId", "tasks.validation.linkId");
            }
            record = RecordRef.of(recordType, recordId);
        }
        Slice<TaskDetails> page = tasks.list(new TaskFilter(assigneeId, status, due, record), sort, cursor, limit);
        return new TaskJson.Page(page.items().stream().map(t -> TaskJson.Resource.of(t, tasks.now())).toList(),
                page.nextCursor());
    }

    @GetMapping("/{id}")
    ResponseEntity<TaskJson.Resource> get(@PathVariable UUID id) {
        return ok(tasks.get(id));
    }

    @PostMapping
    ResponseEntity<TaskJson.Resource> create(@RequestBody TaskJson.Input input,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        TaskDetails task = idempotency.create(CurrentUser.require().id(), idempotencyKey,
                "task:" + json.writeValueAsString(input), () -> tasks.create(input.toDraft()), TaskDetails::id)
                .orRead(tasks::get);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id()))
                .eTag(ETags.of(task.version())).body(TaskJson.Resource.of(task, tasks.now()));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<TaskJson.Resource> patch(@PathVariable UUID id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TaskDetails current = tasks.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), TaskService.RECORD_TYPE, id);
        TaskJson.Input merged = JsonMergePatch.apply(json, TaskJson.Input.of(current), patch, TaskJson.Input.class);
        return ok(tasks.update(id, merged.toDraft(), expected));
    }

    private ResponseEntity<TaskJson.Resource> ok(TaskDetails task) {
        return ResponseEntity.ok().eTag(ETags.of(task.version())).body(TaskJson.Resource.of(task, tasks.now()));
    }
}
