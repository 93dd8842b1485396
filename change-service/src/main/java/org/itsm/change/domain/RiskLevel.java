package org.itsm.change.domain;

public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
