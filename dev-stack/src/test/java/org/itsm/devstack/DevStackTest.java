package org.itsm.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The platform's wiring: who publishes topics, and how the mail server is run. */
class DevStackTest {

    @Test
    void onlyServicesThatPublishGetTopics() {
        assertEquals(List.of("itsm.incident.events", "itsm.incident.events.dlq", "itsm.change.events",
                "itsm.change.events.dlq", "itsm.problem.events", "itsm.problem.events.dlq", "itsm.catalog.events",
                "itsm.catalog.events.dlq", "itsm.notification.events", "itsm.notification.events.dlq"), DevStack.TOPICS);
        assertTrue(DevStack.SERVICES.stream().anyMatch(service -> service.name().equals("notification-service")
                && service.port() == 8085 && service.publishesEvents()));
    }

    @Test
    void theMailServerListensOnLoopbackWithAMailboxPerUser() {
        MailServerLauncher mail = new MailServerLauncher(Path.of("target", "mail-test"), 3025, 3143, 8025,
                List.of("agent", "requester"));
        List<String> command = mail.command();
        assertTrue(command.contains("-Dgreenmail.smtp.hostname=127.0.0.1"));
        assertTrue(command.contains("-Dgreenmail.smtp.port=3025"));
        assertTrue(command.contains("-Dgreenmail.imap.port=3143"));
        assertTrue(command.contains("-Dgreenmail.api.port=8025"));
        assertTrue(command.contains("-Dgreenmail.users=agent:agent@itsm.example.org,requester:requester@itsm.example.org"));
        assertTrue(command.get(command.size() - 1).endsWith("greenmail-standalone-2.1.3.jar"), command.toString());
        assertFalse(mail.isRunning());
    }
}
