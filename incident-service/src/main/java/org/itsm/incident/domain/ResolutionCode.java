package org.itsm.incident.domain;

/** How an incident was resolved (ITIL resolution codes); stored and evented as the name. */
public enum ResolutionCode {
    /** The cause was removed; the incident will not recur from it. */
    SOLVED_PERMANENTLY,
    /** Service restored by a workaround; the cause remains (usually a problem record follows). */
    SOLVED_WORKAROUND,
    /** Service restored remotely, without a visit. */
    SOLVED_REMOTELY,
    /** The fault could not be reproduced. */
    NOT_SOLVED_NOT_REPRODUCIBLE,
    /** A fix would cost more than the impact justifies. */
    NOT_SOLVED_TOO_COSTLY,
    /** The caller resolved it or withdrew it. */
    CLOSED_BY_CALLER,
    /** Another incident records the same failure. */
    DUPLICATE,
    /** Resolution needs a change; the change request carries it on. */
    CHANGE_REQUIRED
}
