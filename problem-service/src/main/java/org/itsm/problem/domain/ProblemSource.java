package org.itsm.problem.domain;

/** How a problem came to be: raised by a person, or opened by recurring-incident detection. */
public enum ProblemSource {
    MANUAL, DETECTED
}
