package org.itsm.incident.messaging;

import static org.itsm.incident.IncidentTestSupport.asAgent;
import static org.itsm.incident.IncidentTestSupport.asRequester;
import static org.itsm.incident.IncidentTestSupport.newIncidentJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code @mentions} in comments and work notes are announced with who wrote and whom they named, never the text. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class MentionEventsTest {

    @Test
    void commentsAndWorkNotesAnnounceTheirMentionsWithoutTheirText() {
        String caller = "mentioned-" + UUID.randomUUID().toString().substring(0, 8);
        var created = asRequester(caller).body(newIncidentJson("Laptop fan loud", 3, 3)).post("/api/v1/incidents")
                .then().statusCode(201).extract();
        String id = created.path("id");
        String number = created.path("number");
        asAgent().body("{\"body\": \"@" + caller + " could you try the BIOS update? cc @Network-Lead.\"}")
                .post("/api/v1/incidents/{id}/comments", id).then().statusCode(201);
        asAgent().body("{\"body\": \"secret: @kim check the warranty\"}")
                .post("/api/v1/incidents/{id}/work-notes", id).then().statusCode(201);
        asAgent().body("{\"body\": \"no one named here, mail me at agent@itsm.example.org\"}")
                .post("/api/v1/incidents/{id}/work-notes", id).then().statusCode(201);

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.INCIDENT)) {
            List<ConsumerRecord<String, String>> mentions = reader.await(r -> id.equals(r.key())
                    && EventTypes.INCIDENT_MENTIONED.equals(KafkaTopicReader.header(r, "ce_type")), 2,
                    Duration.ofSeconds(15));
            JsonPath comment = JsonPath.from(mentions.get(0).value());
            assertEquals(number, comment.getString("number"));
            assertEquals(caller, comment.getString("caller"));
            assertEquals("agent", comment.getString("author"));
            assertFalse(comment.getBoolean("workNote"));
            assertEquals(List.of(caller, "network-lead"), comment.getList("mentioned"));
            JsonPath note = JsonPath.from(mentions.get(1).value());
            assertEquals(true, note.getBoolean("workNote"));
            assertEquals(List.of("kim"), note.getList("mentioned"));
            mentions.forEach(record -> assertFalse(record.value().contains("warranty")
                    || record.value().contains("BIOS"), "no text on the event"));
            assertEquals(2, reader.drain(Duration.ofSeconds(2)).stream().filter(r -> id.equals(r.key())
                    && EventTypes.INCIDENT_MENTIONED.equals(KafkaTopicReader.header(r, "ce_type"))).count());
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
