package org.itsm.problem.domain;

import java.util.Optional;

/**
 * Which problem another may be resolved as a DUPLICATE of: another existing problem (not itself), not cancelled
 * (name the problem that stands), and not itself a duplicate of this one.
 */
public final class DuplicateRule {

    /** What is known of the problem named as the original. */
    public record Original(ProblemState state, String duplicateOf) {
    }

    /** Why the duplicate cannot be recorded: a bad reference (400) or a broken rule (422), on {@code duplicateOf}. */
    public record Refusal(String message, boolean badReference) {
    }

    /**
     * Judges {@code duplicateOf} for the problem {@code number}; {@code original} is null when no such problem exists
     * (it need not be looked up when the problem names itself).
     */
    public Optional<Refusal> judge(String number, String duplicateOf, Original original) {
        if (duplicateOf.equals(number)) {
            return Optional.of(new Refusal("a problem cannot duplicate itself", true));
        }
        if (original == null) {
            return Optional.of(new Refusal("no problem " + duplicateOf, true));
        }
        if (original.state() == ProblemState.CANCELLED) {
            return Optional.of(new Refusal(duplicateOf + " was cancelled; name the problem that stands", false));
        }
        if (number.equals(original.duplicateOf())) {
            return Optional.of(new Refusal(duplicateOf + " is itself a duplicate of " + number, false));
        }
        return Optional.empty();
    }
}
