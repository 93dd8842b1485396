package org.itsm.change.domain;

/** An answer of the risk assessment on a three-step scale (impact, complexity, backout difficulty). */
public enum Rating {
    LOW, MEDIUM, HIGH
}
