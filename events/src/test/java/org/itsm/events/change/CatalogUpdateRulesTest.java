package org.itsm.events.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.itsm.events.EventTypes;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.change.CatalogUpdate.AddedOffering;
import org.itsm.events.change.CatalogUpdateRules.FieldError;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

class CatalogUpdateRulesTest {

    private static final UUID EMAIL = UUID.randomUUID();
    private static final UUID GOLD = UUID.randomUUID();

    @Test
    void aFittingUpdateHasNoErrors() {
        CatalogUpdate update = new CatalogUpdate("2.0", "retired", List.of(new AddedOffering(EMAIL, "Platinum")),
                List.of(UUID.randomUUID()), GOLD, List.of(new SlaTarget("P1", 10, 120), new SlaTarget("P2", 30, 30)));
        assertEquals(List.of(), CatalogUpdateRules.check(update, Set.of(EMAIL)));
        assertEquals(List.of(), CatalogUpdateRules.check(null));
    }

    @Test
    void anAddedOfferingMustNameOneOfTheAffectedServices() {
        CatalogUpdate update = new CatalogUpdate(null, null, List.of(AddedOffering.named("Platinum"),
                new AddedOffering(UUID.randomUUID(), "Silver"), new AddedOffering(EMAIL, " "),
                new AddedOffering(EMAIL, "Gold"), new AddedOffering(EMAIL, "gold ")), null, null, null);
        assertEquals(List.of("catalogUpdate.offeringsAdded[0].serviceId", "catalogUpdate.offeringsAdded[1].serviceId",
                "catalogUpdate.offeringsAdded[2].name", "catalogUpdate.offeringsAdded[4].name"),
                fields(CatalogUpdateRules.check(update, Set.of(EMAIL))));
        // without the affected services only the missing service is an error
        assertEquals(List.of("catalogUpdate.offeringsAdded[0].serviceId", "catalogUpdate.offeringsAdded[2].name",
                "catalogUpdate.offeringsAdded[4].name"), fields(CatalogUpdateRules.check(update)));
    }

    @Test
    void lifecycleVersionAndRetiredOfferingsAreChecked() {
        UUID offering = UUID.randomUUID();
        CatalogUpdate update = new CatalogUpdate(" ", "ASLEEP", null, List.of(offering, offering), offering, null);
        assertEquals(List.of("catalogUpdate.version", "catalogUpdate.lifecycle", "catalogUpdate.offeringsRetired[1]",
                "catalogUpdate.slaOfferingId"), fields(CatalogUpdateRules.check(update)));
    }

    @Test
    void slaTargetsNamePrioritiesOnceWithPositiveMinutesAndResolutionAfterResponse() {
        CatalogUpdate update = new CatalogUpdate(null, null, null, null, GOLD, List.of(new SlaTarget("P9", 1, 1),
                new SlaTarget("P2", 90, 30), new SlaTarget("P2", 1, 2), new SlaTarget("P3", 0, -1)));
        List<FieldError> errors = CatalogUpdateRules.check(update);
        assertEquals(List.of("catalogUpdate.slaTargets[0].priority", "catalogUpdate.slaTargets[1].resolutionMinutes",
                "catalogUpdate.slaTargets[2].priority", "catalogUpdate.slaTargets[3].responseMinutes",
                "catalogUpdate.slaTargets[3].resolutionMinutes"), fields(errors));
        assertTrue(errors.get(1).message().contains("responseMinutes"), errors.toString());
        assertEquals(List.of("catalogUpdate.slaOfferingId"), fields(CatalogUpdateRules.check(
                new CatalogUpdate(null, null, null, null, null, List.of(new SlaTarget("P1", 1, 2))))));
    }

    @Test
    void addedOfferingsReadTheFormerBareNamesAndTheSchemaAcceptsBothForms() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CatalogUpdate read = json.readValue("""
                {"offeringsAdded": ["Platinum", {"serviceId": "%s", "name": "Silver"}]}""".formatted(EMAIL),
                CatalogUpdate.class);
        assertEquals(List.of(new AddedOffering(null, "Platinum"), new AddedOffering(EMAIL, "Silver")),
                read.offeringsAdded());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of("classpath:" + EventTypes.schemaResource(EventTypes.CHANGE_IMPLEMENTED)));
        String event = """
                {"id": "%s", "number": "CHG0001001", "catalogUpdate": {"offeringsAdded": ["Platinum",
                 {"serviceId": "%s", "name": "Silver"}]}}""".formatted(GOLD, EMAIL);
        assertTrue(schema.validate(json.readTree(event)).stream()
                .noneMatch(message -> message.getMessage().contains("offeringsAdded")),
                schema.validate(json.readTree(event)).toString());
        assertTrue(schema.validate(json.readTree(event.replace("\"Platinum\"", "42"))).stream()
                .anyMatch(message -> message.getMessage().contains("offeringsAdded")));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
