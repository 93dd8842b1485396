package org.itsm.problem.service;

/** Who is acting: a user from the token, or the service itself reacting to another service's event. */
public record Actor(String name) {

    public static final Actor DETECTION = new Actor("problem-service:detection");
    public static final Actor CHANGE_EVENTS = new Actor("problem-service:change-events");
}
