package org.itsm.events.api;

/**
 * ITIL priority from impact × urgency (1 = high .. 3 = low), the standard 3×3 matrix giving P1..P5. The one
 * definition for incidents, problems and the SLA targets the catalog publishes per priority.
 */
public enum Priority {
    P1, P2, P3, P4, P5;

    private static final Priority[][] MATRIX = {
            // urgency:  1   2   3
            { P1, P2, P3 }, // impact 1
            { P2, P3, P4 }, // impact 2
            { P3, P4, P5 }, // impact 3
    };

    public static Priority of(int impact, int urgency) {
        if (impact < 1 || impact > 3 || urgency < 1 || urgency > 3) {
            throw new IllegalArgumentException("impact and urgency must be 1..3, got " + impact + "/" + urgency);
        }
        return MATRIX[impact - 1][urgency - 1];
    }
}
