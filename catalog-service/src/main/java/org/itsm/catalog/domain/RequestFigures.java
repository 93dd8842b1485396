package org.itsm.catalog.domain;

import java.util.Map;

/**
 * Measures of request fulfilment: the backlog by state, and how long fulfilment takes against what the items
 * promise (hours; on-time means fulfilled by the due time on the offering's calendar).
 */
public record RequestFigures(Map<RequestState, Long> byState, long fulfilled, double meanFulfilmentHours,
        double meanExpectedHours, double onTimePercent) {
}
