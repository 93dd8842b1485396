package org.itsm.events;

import java.util.List;

/** Kafka topics of the platform: one per producing service, each with a dead-letter twin. */
public final class Topics {

    public static final String INCIDENT = "itsm.incident.events";
    public static final String PROBLEM = "itsm.problem.events";
    public static final String CHANGE = "itsm.change.events";
    public static final String CATALOG = "itsm.catalog.events";
    /** notification-service: inbound mail for the services that own the records. */
    public static final String NOTIFICATION = "itsm.notification.events";

    public static final List<String> ALL = List.of(INCIDENT, PROBLEM, CHANGE, CATALOG, NOTIFICATION);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every topic and its dead-letter twin, for provisioning. */
    public static List<String> allWithDeadLetters() {
        return ALL.stream().flatMap(topic -> java.util.stream.Stream.of(topic, deadLetter(topic))).toList();
    }
}
