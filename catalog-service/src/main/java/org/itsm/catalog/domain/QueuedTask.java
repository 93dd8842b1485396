package org.itsm.catalog.domain;

/** A fulfilment task with the request it fulfils: a row of the task list across requests. */
public record QueuedTask(FulfilmentTask task, ServiceRequest request) {
}
