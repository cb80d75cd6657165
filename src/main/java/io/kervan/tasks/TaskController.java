package io.kervan.tasks;

import io.kervan.identity.CurrentUser;
import io.kervan.identity.OwnerChoices;
import io.kervan.identity.UserView;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.StaleVersionException;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The task pages: My work, the team view, a task, its form, and the tasks panel on record pages. */
@Controller
class TaskController {

    private final TaskService tasks;
    private final OwnerChoices owners;

    TaskController(TaskService tasks, OwnerChoices owners) {
        this.tasks = tasks;
        this.owners = owners;
    }

    /** {@link TaskForm} is a plain holder with public fields. */
    @org.springframework.web.bind.annotation.InitBinder("taskForm")
    void bindFields(org.springframework.web.bind.WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/tasks")
    String myWork(Model model) {
        TaskService.MyWork work = tasks.myWork();
        model.addAttribute("work", work);
        model.addAttribute("teamView", tasks.hasTeamView());
        addDisplay(model, all(work));
        return "tasks/my-work";
    }

    @GetMapping("/tasks/team")
    String team(@RequestParam(required = false) UUID assignee, Model model) {
        List<UserView> members = tasks.teamMembers();
        TaskService.MyWork work = tasks.teamWork(assignee);
        model.addAttribute("members", members);
        model.addAttribute("assignee", assignee == null ? "" : assignee.toString());
        model.addAttribute("work", work);
        addDisplay(model, all(work));
        return "tasks/team";
    }

    @GetMapping("/tasks/panel")
    String panel(@RequestParam String recordType, @RequestParam UUID recordId, Model model) {
        TaskService.RecordTasks recordTasks = tasks.forRecord(RecordRef.of(recordType, recordId));
        model.addAttribute("recordTasks", recordTasks);
        model.addAttribute("record", recordTasks.record());
        List<TaskDetails> shown = new ArrayList<>(recordTasks.open());
        shown.addAll(recordTasks.recentlyClosed());
        addDisplay(model, shown);
        return "tasks/panel :: panel";
    }

    @GetMapping("/tasks/new")
    String newTask(@RequestParam(required = false) String recordType, @RequestParam(required = false) UUID recordId,
            @RequestParam(required = false) String title, @RequestParam(required = false) String returnTo,
            Model model) {
        TaskForm form = new TaskForm();
        form.title = title;
        form.assigneeId = CurrentUser.require().id().toString();
        if (recordType != null && recordId != null) {
            LinkedRecord record = tasks.requireVisibleRecord(RecordRef.of(recordType, recordId));
            form.links.add(record.ref().type().apiName() + ":" + record.ref().id());
            form.returnTo = TaskForm.safeReturn(returnTo, record.pagePath());
        } else {
            form.returnTo = TaskForm.safeReturn(returnTo, "/tasks");
        }
        return form(model, form, null);
    }

    @PostMapping("/tasks")
    String create(@ModelAttribute TaskForm form, Model model) {
        try {
            TaskDetails created = tasks.create(form.toDraft());
            return "redirect:" + TaskForm.safeReturn(form.returnTo, "/tasks/" + created.id());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
            return form(model, form, null);
        }
    }

    @GetMapping("/tasks/{id}")
    String detail(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean completed, Model model) {
        TaskDetails task = tasks.get(id);
        model.addAttribute("task", task);
        model.addAttribute("canEdit", tasks.canEdit(task));
        model.addAttribute("justCompleted", completed && !task.open());
        Map<RecordRef, LinkedRecord> links = tasks.visibleLinks(task);
        model.addAttribute("links", links);
        model.addAttribute("followUpRecord", links.values().stream().findFirst().orElse(null));
        addDisplay(model, List.of(task));
        return "tasks/detail";
    }

    @GetMapping("/tasks/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        TaskDetails task = tasks.get(id);
        TaskForm form = TaskForm.of(task);
        form.returnTo = "/tasks/" + id;
        return form(model, form, task);
    }

    @PostMapping("/tasks/{id}")
    String update(@PathVariable UUID id, @ModelAttribute TaskForm form, Model model) {
        TaskDetails current = tasks.get(id);
        try {
            tasks.update(id, form.toDraft(), form.version == null ? current.version() : form.version);
            return "redirect:" + TaskForm.safeReturn(form.returnTo, "/tasks/" + id);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (StaleVersionException e) {
            model.addAttribute("stale", true);
        }
        return form(model, form, current);
    }

    /** Marks the task done and shows it with "log the outcome" and "plan the next step". */
    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable UUID id) {
        tasks.complete(id, true, null);
        return "redirect:/tasks/" + id + "?completed=true";
    }

    @PostMapping("/tasks/{id}/reopen")
    String reopen(@PathVariable UUID id) {
        tasks.complete(id, false, null);
        return "redirect:/tasks/" + id;
    }

    private String form(Model model, TaskForm form, TaskDetails task) {
        model.addAttribute("form", form);
        model.addAttribute("task", task);
        model.addAttribute("assignees", tasks.assignableUsers());
        model.addAttribute("priorities", TaskPriority.values());
        model.addAttribute("statuses", TaskStatus.values());
        Map<String, String> linkLabels = new LinkedHashMap<>();
        for (String link : form.links) {
            try {
                int colon = link.indexOf(':');
                RecordRef ref = RecordRef.of(link.substring(0, colon), UUID.fromString(link.substring(colon + 1)));
                linkLabels.put(link, tasks.findVisibleRecord(ref).map(LinkedRecord::label).orElse("—"));
            } catch (RuntimeException e) {
                linkLabels.put(link, "—");
            }
        }
        model.addAttribute("linkLabels", linkLabels);
        return "tasks/form";
    }

    /** Names of assignees and of linked records, and "now", for task rows. */
    private void addDisplay(Model model, Collection<TaskDetails> shown) {
        Set<UUID> people = new HashSet<>();
        shown.forEach(t -> people.add(t.assigneeId()));
        model.addAttribute("assigneeNames", owners.names(people));
        Map<UUID, Map<RecordRef, LinkedRecord>> links = new LinkedHashMap<>();
        shown.forEach(t -> links.put(t.id(), tasks.visibleLinks(t)));
        model.addAttribute("taskLinks", links);
        model.addAttribute("now", tasks.now());
    }

    private static List<TaskDetails> all(TaskService.MyWork work) {
        List<TaskDetails> all = new ArrayList<>(work.overdue());
        all.addAll(work.today());
        all.addAll(work.upcoming());
        all.addAll(work.doneRecently());
        return all;
    }
}
