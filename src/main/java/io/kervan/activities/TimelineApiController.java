package io.kervan.activities;

import io.kervan.shared.InvalidInputException;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/timeline?recordType=contact&recordId=...}: one page of a record's timeline. */
@RestController
class TimelineApiController {

    private final TimelineService timeline;

    TimelineApiController(TimelineService timeline) {
        this.timeline = timeline;
    }

    record About(String recordType, UUID recordId, String label) {
    }

    record Item(String kind, String id, Instant at, String type, UUID actorId, String actorName, String title,
            String body, Map<String, Object> details, About about) {

        static Item of(TimelineService.Item item) {
            TimelineEntry e = item.entry();
            About about = e.about() == null ? null
                    : new About(e.about().type().apiName(), e.about().id(), item.aboutLabel());
            return new Item(e.kind(), e.id(), e.at(), e.type(), e.actorId(), item.actorName(), e.title(), e.body(),
                    e.details(), about);
        }
    }

    record Page(List<Item> items, String nextCursor) {
    }

    @GetMapping("/api/v1/timeline")
    Page timeline(@RequestParam(required = false) String recordType, @RequestParam(required = false) UUID recordId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String type,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        if (recordType == null || recordId == null) {
            throw new InvalidInputException(recordType == null ? "recordType" : "recordId", "validation.required");
        }
        TimelineService.Page page = timeline.page(RecordRef.of(recordType, recordId), kind, type, cursor, limit);
        return new Page(page.items().stream().map(Item::of).toList(), page.nextCursor());
    }
}
