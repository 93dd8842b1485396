package org.itsm.catalog.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.itsm.catalog.CatalogTestSupport.asAgent;
import static org.itsm.catalog.CatalogTestSupport.asCatalogManager;
import static org.itsm.catalog.CatalogTestSupport.asRequester;
import static org.itsm.catalog.CatalogTestSupport.createLiveService;
import static org.itsm.catalog.CatalogTestSupport.createOffering;
import static org.itsm.catalog.CatalogTestSupport.createService;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Offerings: the explicit default offering and weekly recurring windows, through the API and on Kafka. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class OfferingRulesTest {

    @Test
    void aServiceHasAtMostOneDefaultOfferingAndBothOfferingsArePublishedWhenItChanges() {
        String service = createService("Storage " + UUID.randomUUID());
        String gold = asCatalogManager().body("{\"name\": \"Gold\", \"defaultOffering\": true}")
                .post("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(201)
                .body("defaultOffering", equalTo(true)).extract().path("id");
        String silver = asCatalogManager().body("{\"name\": \"Silver\", \"defaultOffering\": true}")
                .post("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(201)
                .body("defaultOffering", equalTo(true)).extract().path("id");
        asAgent().get("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(200)
                .body("findAll { it.defaultOffering }.name", contains("Silver"));
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.CATALOG)) {
            asCatalogManager().body("{\"defaultOffering\": true}")
                    .patch("/api/v1/catalog/services/{id}/offerings/{o}", service, gold).then().statusCode(200)
                    .body("defaultOffering", equalTo(true));
            List<ConsumerRecord<String, String>> updates = reader.await(record -> service.equals(record.key())
                    && EventTypes.CATALOG_OFFERING_UPDATED.equals(KafkaTopicReader.header(record, "ce_type")),
                    3, Duration.ofSeconds(15));
            // Silver made default: Gold updated; Gold made default again: Silver and Gold updated
            assertEquals(List.of(gold + "=false", silver + "=false", gold + "=true"), updates.stream()
                    .map(record -> JsonPath.from(record.value()))
                    .map(json -> json.getString("id") + "=" + json.getBoolean("defaultOffering")).toList());
        }
        asAgent().get("/api/v1/catalog/services/{id}/offerings", service).then()
                .body("findAll { it.defaultOffering }.name", contains("Gold"));
        asAgent().get("/api/v1/catalog/services/{id}/offerings/{o}/history", service, silver).then()
                .body("findAll { it.field == 'defaultOffering' }.to", contains("true", "false"));
        // a retired offering is no longer the default
        asCatalogManager().post("/api/v1/catalog/services/{id}/offerings/{o}/retire", service, gold).then()
                .statusCode(200).body("defaultOffering", equalTo(false));
    }

    @Test
    void weeklyWindowsAreValidatedStoredReturnedAndPublished() {
        String service = createService("Backup " + UUID.randomUUID());
        String offering;
        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.CATALOG)) {
            offering = asCatalogManager().body("""
                    {"name": "Backup Standard",
                     "maintenanceWindows": [{"description": "patch night",
                       "weekly": {"day": "SUNDAY", "from": "02:00", "to": "04:00", "timeZone": "Asia/Seoul"}}],
                     "blackoutWindows": [{"start": "2026-12-20T00:00:00Z", "end": "2027-01-02T00:00:00Z"}]}""")
                    .post("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(201)
                    .body("maintenanceWindows[0].weekly.day", equalTo("SUNDAY"))
                    .body("maintenanceWindows[0].weekly.from", containsString("02:00"))
                    .body("maintenanceWindows[0].weekly.timeZone", equalTo("Asia/Seoul"))
                    .body("maintenanceWindows[0].start", equalTo(null))
                    .body("blackoutWindows[0].weekly", equalTo(null))
                    .extract().path("id");
            ConsumerRecord<String, String> created = reader.await(record -> service.equals(record.key())
                    && EventTypes.CATALOG_OFFERING_CREATED.equals(KafkaTopicReader.header(record, "ce_type")),
                    1, Duration.ofSeconds(15)).get(0);
            JsonPath event = JsonPath.from(created.value());
            assertEquals("SUNDAY", event.getString("maintenanceWindows[0].weekly.day"));
            assertEquals("Asia/Seoul", event.getString("maintenanceWindows[0].weekly.timeZone"));
        }
        asAgent().get("/api/v1/catalog/services/{id}/offerings/{o}", service, offering).then().statusCode(200)
                .body("maintenanceWindows[0].weekly.to", containsString("04:00"));
        asCatalogManager().body("""
                {"maintenanceWindows": [
                  {"weekly": {"day": "Sonntag", "from": "02:00", "to": "02:00", "timeZone": "Mars/Olympus"}},
                  {"start": "2027-02-01T00:00:00Z", "end": "2027-01-01T00:00:00Z",
                   "weekly": {"day": "MONDAY", "from": "22:00", "to": "01:00", "timeZone": "Europe/Paris"}},
                  {"start": "2027-01-01T00:00:00Z"}]}""")
                .patch("/api/v1/catalog/services/{id}/offerings/{o}", service, offering).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("maintenanceWindows[0].weekly.day",
                        "maintenanceWindows[0].weekly.to", "maintenanceWindows[0].weekly.timeZone",
                        "maintenanceWindows[1].end", "maintenanceWindows[2].end"));
        asCatalogManager().body("""
                {"blackoutWindows": [{"weekly": {"day": "MONDAY", "from": "25:00", "to": "01:00",
                  "timeZone": "Europe/Paris"}}]}""")
                .patch("/api/v1/catalog/services/{id}/offerings/{o}", service, offering).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aServiceRetiresOnlyWithoutOpenRequestsTakingItsOfferingsAndItsItemsCanNoLongerBeOrdered() {
        String service = createLiveService("Printing " + UUID.randomUUID());
        String offering = createOffering(service, "Printing Standard");
        String item = RequestResourceTest.publishedItem("NONE", offering);
        String order = "{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"costCentre\": \"CC1234\"}}"
                .formatted(item);
        var open = asRequester("rita", "mike").body(order).post("/api/v1/requests").then().statusCode(201)
                .body("state", equalTo("APPROVED")).extract();
        // not while a request for one of its items is open
        asCatalogManager().post("/api/v1/catalog/services/{id}/retire", service).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(open.<String>path("number")));
        asRequester("rita", "mike").post("/api/v1/requests/{id}/cancel", open.<String>path("id")).then()
                .statusCode(200);
        asCatalogManager().post("/api/v1/catalog/services/{id}/retire", service).then().statusCode(200)
                .body("lifecycle", equalTo("RETIRED"));
        asAgent().get("/api/v1/catalog/services/{id}/offerings/{o}", service, offering).then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        asAgent().get("/api/v1/catalog/services/{id}/offerings/{o}/history", service, offering).then()
                .body("find { it.field == 'status' && it.to == 'RETIRED' }.actor", equalTo("catalog-manager"));
        asRequester("rita", "mike").body(order).post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("itemId"))
                .body("errors[0].message", containsString("retired"));
    }

    @Test
    void anUnknownFieldOnCreateIsA400NamingIt() {
        asCatalogManager().body("{\"name\": \"Typo\", \"type\": \"BUSINESS\", \"critcality\": \"HIGH\"}")
                .post("/api/v1/catalog/services").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("critcality"));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
