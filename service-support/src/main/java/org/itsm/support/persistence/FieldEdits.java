package org.itsm.support.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A partial update and its history diff in one line per field: a field the request carries (non-null) is applied
 * and recorded; one it leaves out keeps its value and leaves no trace. Only fields whose value really changed reach
 * {@link #changes()}, so an edit that repeats the current values writes no history.
 *
 * <pre>{@code
 * FieldEdits edits = new FieldEdits();
 * edits.set("title", command.title(), change.title, title -> change.title = title);
 * history.record(change.id, actor, edits.changes());
 * }</pre>
 */
public final class FieldEdits {

    private final List<FieldChange> edits = new ArrayList<>();

    /**
     * Applies {@code requested} when it is given, recording the move from {@code current}.
     *
     * @return whether the request carried the field
     */
    public <T> boolean set(String field, T requested, T current, Consumer<? super T> apply) {
        if (requested == null) {
            return false;
        }
        apply.accept(requested);
        edits.add(FieldChange.of(field, current, requested));
        return true;
    }

    /** Records a change worked out by hand (a derived field, a value stored in another form). */
    public void record(String field, Object from, Object to) {
        edits.add(FieldChange.of(field, from, to));
    }

    /** Did the request carry this field (changed or not)? */
    public boolean has(String field) {
        return edits.stream().anyMatch(edit -> edit.field().equals(field));
    }

    /** The fields whose value really changed, in the order they were set. */
    public List<FieldChange> changes() {
        return edits.stream().filter(FieldChange::changed).toList();
    }

    public boolean isEmpty() {
        return changes().isEmpty();
    }
}
