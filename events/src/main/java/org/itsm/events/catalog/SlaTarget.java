package org.itsm.events.catalog;

/** Agreed response and resolution targets of one priority (P1..P5), in minutes. */
public record SlaTarget(String priority, int responseMinutes, int resolutionMinutes) {
}
