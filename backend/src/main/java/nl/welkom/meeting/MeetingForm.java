package nl.welkom.meeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.welkom.dashboard.Display;
import nl.welkom.dashboard.Viewer;
import nl.welkom.journey.TaskService;
import nl.welkom.model.buddy.Meeting;
import nl.welkom.model.journey.Task;
import nl.welkom.model.journey.TaskAssignee;
import nl.welkom.model.journey.TaskStatus;

/**
 * The meeting form's model, shared by the household page's section and the page a refused form comes
 * back on: the values, the household's open tasks a friend may tick ("buddy helps" first) and the
 * errors (field → word key).
 */
@Singleton
final class MeetingForm {
    private final TaskService taskService;
    private final MeetingService service;

    MeetingForm(TaskService taskService, MeetingService service) {
        this.taskService = taskService;
        this.service = service;
    }

    /** One open task the friend may tick. */
    record TaskOption(String id, String title, String lang, boolean buddyHelps, @Nullable String due, boolean checked) {
    }

    /** The form's values as typed. */
    record Values(String date, String what, String note, Set<String> ticked) {
    }

    /** The open tasks of the household a family friend may tick, "buddy helps" first, then by due date. */
    List<Task> tickable(String householdId) {
        List<Task> tasks = new ArrayList<>(taskService.tasksOf(householdId).stream()
                .filter(task -> task.status() == TaskStatus.OPEN && task.assignee() != TaskAssignee.OFFICER)
                .toList());
        tasks.sort(Comparator.comparing((Task task) -> task.assignee() != TaskAssignee.BUDDY)
                .thenComparing(task -> task.dueDate() == null ? "9999" : task.dueDate()));
        return tasks;
    }

    /** The titles of the household's tasks in the page's language, by task id. */
    Map<String, String> titles(Viewer viewer, String householdId) {
        Map<String, String> titles = new HashMap<>();
        taskService.tasksOf(householdId).forEach(task -> titles.put(task.id(), viewer.display().title(task.titles()).text()));
        return titles;
    }

    Map<String, Object> model(Viewer viewer, String householdId, @Nullable Values values, Map<String, String> errors) {
        Display display = viewer.display();
        Values shown = values != null ? values : new Values(service.today().toString(), "", "", Set.of());
        List<TaskOption> options = tickable(householdId).stream()
                .map(task -> {
                    Display.Text title = display.title(task.titles());
                    return new TaskOption(task.id(), title.text(), title.lang(), task.assignee() == TaskAssignee.BUDDY,
                            task.dueDate() == null ? null : display.isoDate(task.dueDate()),
                            shown.ticked().contains(task.id()));
                })
                .toList();
        Map<String, Object> form = new HashMap<>();
        form.put("householdId", householdId);
        form.put("input", shown);
        form.put("today", service.today().toString());
        form.put("tasks", options);
        form.put("errors", errors);
        form.put("maxWhat", Meeting.MAX_WHAT);
        form.put("maxNote", Meeting.MAX_NOTE);
        return form;
    }
}
