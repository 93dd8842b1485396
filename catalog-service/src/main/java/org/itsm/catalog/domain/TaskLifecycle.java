package org.itsm.catalog.domain;

import java.util.List;

import org.itsm.support.lifecycle.IllegalMoveException;

/**
 * A fulfilment task: Open → (start) In Progress → (complete) Done; an open or started task is cancelled with its
 * request. A task is completed only once started: {@code complete} on an open task is refused (409 naming
 * {@code start}), so a request always passes through In Fulfilment (first task started) before Fulfilled (last open
 * task completed). Tasks are added while the request is Approved or In Fulfilment.
 */
public final class TaskLifecycle {

    public static final String START = "start";
    public static final String COMPLETE = "complete";
    /** The states in which a task still holds its request open (the fulfilment queue's tasks). */
    public static final java.util.Set<TaskState> OPEN_STATES = java.util.Set.of(TaskState.OPEN,
            TaskState.IN_PROGRESS);

    private TaskLifecycle() {
    }

    /** The task endpoints ({@code tasks/{taskId}/<action>}) allowed in {@code state}. */
    public static List<String> allowedActions(TaskState state) {
        return switch (state) {
            case OPEN -> List.of(START);
            case IN_PROGRESS -> List.of(COMPLETE);
            case DONE, CANCELLED -> List.of();
        };
    }

    /** The state {@code action} leads to, or {@link IllegalMoveException} naming the actions allowed now. */
    public static TaskState apply(TaskState state, String action) {
        if (START.equals(action) && state == TaskState.OPEN) {
            return TaskState.IN_PROGRESS;
        }
        if (COMPLETE.equals(action) && state == TaskState.IN_PROGRESS) {
            return TaskState.DONE;
        }
        throw new IllegalMoveException(action, state.name(), allowedActions(state));
    }

    /** Whether the task still holds its request open. */
    public static boolean open(TaskState state) {
        return OPEN_STATES.contains(state);
    }

    /** Whether tasks in these states fulfil their request: none is open any more (each done or cancelled). */
    public static boolean fulfil(List<TaskState> states) {
        return states.stream().allMatch(state -> state == TaskState.DONE || state == TaskState.CANCELLED);
    }

    /** Tasks may be added to a request in these states only. */
    public static boolean takesTasks(RequestState state) {
        return state == RequestState.APPROVED || state == RequestState.IN_FULFILMENT;
    }

    /** Why no task can be added to the request now, or null ({@link #takesTasks}). */
    public static String addRefusal(String requestNumber, RequestState state) {
        return takesTasks(state) ? null
                : "Tasks are added to approved requests in fulfilment; " + requestNumber + " is " + state;
    }
}
