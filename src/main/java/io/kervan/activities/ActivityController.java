package io.kervan.activities;

import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quick-log form on record pages (a fragment for htmx, a full page otherwise, e.g. from a task's
 * "log the outcome") and the timeline's pages, loaded by htmx as the reader scrolls.
 */
@Controller
class ActivityController {

    /** Filters offered above a timeline: activity types, then the other kinds of entries. */
    static final List<String> FILTERS = List.of("call", "meeting", "email", "note", "whatsapp", "task", "stageChange",
            "event");

    private final ActivityService activities;
    private final TimelineService timeline;
    private final RecordLinks records;
    private final Clock clock;

    ActivityController(ActivityService activities, TimelineService timeline, RecordLinks records, Clock clock) {
        this.activities = activities;
        this.timeline = timeline;
        this.records = records;
        this.clock = clock;
    }

    @GetMapping("/activities/new")
    String form(@RequestParam(defaultValue = "call") String type, @RequestParam String recordType,
            @RequestParam UUID recordId, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        ActivityType activityType = ActivityType.parse(type)
                .orElseThrow(() -> new InvalidInputException("type", "activity.validation.type"));
        RecordRef ref = RecordRef.of(recordType, recordId);
        LinkedRecord record = records.visible(ref);
        Activity lastCall = activityType == ActivityType.CALL ? activities.lastCall().orElse(null) : null;
        model.addAttribute("form", ActivityForm.start(activityType, ref, clock.instant(), lastCall));
        return show(model, record, htmx != null);
    }

    @PostMapping("/activities")
    String log(@ModelAttribute("form") ActivityForm form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        LinkedRecord record = records.visible(form.record());
        try {
            activities.log(form.toDraft(clock.instant()));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("errors", errors);
            return show(model, record, htmx != null);
        } catch (NotAllowedException e) {
            model.addAttribute("errors", Map.of("type", "error.403.text"));
            return show(model, record, htmx != null);
        }
        if (htmx == null) {
            return "redirect:" + record.pagePath();
        }
        // The timeline on the page listens for this and reloads its first page.
        response.setHeader("HX-Trigger", "activityLogged");
        model.addAttribute("logged", form.getType());
        return "activities/form :: logged";
    }

    @GetMapping("/activities/timeline")
    String timeline(@RequestParam String recordType, @RequestParam UUID recordId,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String cursor,
            Model model) {
        String kind = null;
        String type = null;
        if (filter != null && !filter.isBlank()) {
            if (ActivityType.parse(filter).isPresent()) {
                type = filter;
            } else if (TimelineService.KINDS.contains(filter)) {
                kind = filter;
            }
        }
        TimelineService.Page page = timeline.page(RecordRef.of(recordType, recordId), kind, type, cursor, null);
        model.addAttribute("timeline", page);
        model.addAttribute("recordType", recordType);
        model.addAttribute("recordId", recordId);
        model.addAttribute("filter", filter);
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        return "activities/timeline :: items";
    }

    /** An activity's own address (e.g. from a calendar event): the page of the first linked record the reader may see. */
    @GetMapping("/activities/{id}")
    String show(@PathVariable UUID id) {
        Activity activity = activities.get(id);
        return "redirect:" + activity.links().stream().map(records::findVisible).flatMap(java.util.Optional::stream)
                .findFirst().map(LinkedRecord::pagePath).orElse("/");
    }

    /** A damaged cursor, an unknown record type or filter in a hand-made URL: a 400 page, not a 500. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("reason", e.getMessage());
        return "error/refused";
    }

    private String show(Model model, LinkedRecord record, boolean fragment) {
        model.addAttribute("record", record);
        model.addAttribute("outcomes", ActivityRules.OUTCOMES);
        model.addAttribute("fullPage", !fragment);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return fragment ? "activities/form :: form" : "activities/new";
    }
}
