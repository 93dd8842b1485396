package org.itsm.catalog.service;

import java.util.UUID;

import org.itsm.catalog.domain.ApprovalRule;

import com.fasterxml.jackson.databind.JsonNode;

/** What the item and request use cases are asked to do (the REST layer maps its request bodies to these). */
public final class RequestCommands {

    private RequestCommands() {
    }

    /** A requestable item; {@code form} is a JSON Schema (draft 2020-12) of an object. */
    public record DefineItem(String name, String category, String description, JsonNode form,
            ApprovalRule approvalRule, String fulfilmentGroup, int expectedDeliveryHours, UUID offeringId) {
    }

    /** Fields of an item to change; null leaves a field as it is. */
    public record EditItem(String name, String category, String description, JsonNode form,
            ApprovalRule approvalRule, String fulfilmentGroup, Integer expectedDeliveryHours, UUID offeringId) {
    }

    /** An order of an item with the values of its form's fields. */
    public record OrderItem(UUID itemId, JsonNode fields) {
    }

    /** A fulfilment task to add; without a group it goes to the item's fulfilment group. */
    public record AddTask(String title, String assignmentGroup) {
    }
}
