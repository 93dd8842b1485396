package org.itsm.problem.domain;

/** Why a problem ended. CANCELLED is set by the cancel move, never chosen on resolve. */
public enum ResolutionCode {
    FIX_APPLIED, RISK_ACCEPTED, DUPLICATE, CANCELLED
}
