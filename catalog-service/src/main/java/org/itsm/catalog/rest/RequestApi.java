package org.itsm.catalog.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.itsm.catalog.domain.ApprovalRule;
import org.itsm.catalog.domain.RequestAccess;
import org.itsm.catalog.domain.RequestState;
import org.itsm.catalog.domain.TaskState;
import org.itsm.catalog.service.RequestCommands.AddTask;
import org.itsm.catalog.service.RequestCommands.DefineItem;
import org.itsm.catalog.service.RequestCommands.EditItem;
import org.itsm.catalog.service.RequestCommands.OrderItem;

import com.fasterxml.jackson.databind.JsonNode;

/** API models of catalog items, service requests and fulfilment tasks. */
public final class RequestApi {

    static final String FORM = "The item's form: a JSON Schema (draft 2020-12) of an object, free-form JSON";
    static final String FIELDS = "The values of the item's form fields: a free-form JSON object valid against the form";

    private RequestApi() {
    }

    @Schema(description = "A requestable item. The form is a JSON Schema (draft 2020-12) of an object of fields.")
    public record CreateItem(
            @NotBlank @Size(max = 120) @Schema(example = "New laptop") String name,
            @Size(max = 80) @Schema(example = "hardware") String category,
            @Size(max = 4000) String description,
            @NotNull @Schema(type = SchemaType.OBJECT, description = FORM, example = "{\"type\": \"object\", \"required\": [\"model\"], \"properties\": "
                    + "{\"model\": {\"type\": \"string\", \"enum\": [\"13-inch\", \"15-inch\"]}}}") JsonNode form,
            @NotNull ApprovalRule approvalRule,
            @NotBlank @Size(max = 120) @Schema(example = "desktop-support") String fulfilmentGroup,
            @NotNull @Min(1) @Max(8760) @Schema(description = "Working hours on the offering's calendar", example = "16")
            Integer expectedDeliveryHours,
            UUID offeringId) {

        DefineItem toCommand() {
            return new DefineItem(name, category, description, form, approvalRule, fulfilmentGroup,
                    expectedDeliveryHours, offeringId);
        }
    }

    @Schema(description = "Fields to change; absent fields stay as they are")
    public record UpdateItem(
            @Size(min = 1, max = 120) String name,
            @Size(max = 80) String category,
            @Size(max = 4000) String description,
            @Schema(type = SchemaType.OBJECT, description = FORM) JsonNode form,
            ApprovalRule approvalRule,
            @Size(min = 1, max = 120) String fulfilmentGroup,
            @Min(1) @Max(8760) Integer expectedDeliveryHours,
            UUID offeringId) {

        EditItem toCommand() {
            return new EditItem(name, category, description, form, approvalRule, fulfilmentGroup,
                    expectedDeliveryHours, offeringId);
        }
    }

    public record ItemView(UUID id, String name, String category, String description,
            @Schema(type = SchemaType.OBJECT, description = FORM) JsonNode form,
            ApprovalRule approvalRule, String fulfilmentGroup, int expectedDeliveryHours, UUID offeringId,
            boolean published, Instant createdAt, Instant updatedAt) {
    }

    @Schema(description = "An order for a published item; fields are validated against the item's form")
    public record SubmitRequest(
            @NotNull UUID itemId,
            @NotNull @Schema(type = SchemaType.OBJECT, description = FIELDS, example = "{\"model\": \"13-inch\"}")
            JsonNode fields) {

        OrderItem toCommand() {
            return new OrderItem(itemId, fields);
        }
    }

    public record Decision(@Size(max = 4000) String comment) {
    }

    public record RequestView(UUID id, String number, UUID itemId, String itemName, String requester,
            @Schema(type = SchemaType.OBJECT, description = FIELDS) JsonNode fields,
            RequestState state, ApprovalRule approvalRule,
            @Schema(description = "The user who must approve, when the rule names one (the requester's manager)")
            String approver,
            String decidedBy, String decisionComment, String fulfilmentGroup, int expectedDeliveryHours,
            Instant submittedAt, Instant dueAt, Instant fulfilledAt, Instant closedAt, Instant updatedAt,
            @Schema(description = "The request actions (POST /requests/{id}/<action>) the caller may make now:"
                    + " allowed by the state and by who the caller is (only the designated approver approves, never"
                    + " the requester)")
            List<String> allowedActions,
            @Schema(description = "The same actions with the body fields each requires (reject: comment)")
            List<RequestAccess.Action> moves) {
    }

    public record NewTask(@NotBlank @Size(max = 200) String title, @Size(max = 120) String assignmentGroup) {

        AddTask toCommand() {
            return new AddTask(title, assignmentGroup);
        }
    }

    public record CompleteTask(@Size(max = 4000) String notes) {
    }

    public record TaskView(UUID id, UUID requestId, String title, String assignmentGroup, String assignee,
            TaskState state, String notes, Instant createdAt, Instant completedAt,
            @Schema(description = "Task actions (POST /requests/{id}/tasks/{taskId}/<action>) the caller may make now:"
                    + " start an open task, complete a started one (fulfilment staff)")
            List<String> allowedActions) {
    }

    @Schema(description = "A fulfilment task in the task list across requests, with its request's number, item and"
            + " requester")
    public record QueuedTaskView(UUID id, UUID requestId,
            @Schema(description = "The request's number", example = "REQ0001001") String requestNumber,
            String itemName, String requester, RequestState requestState,
            @Schema(description = "When the request is due") Instant requestDueAt,
            String title, String assignmentGroup, String assignee, TaskState state, String notes,
            Instant createdAt, Instant completedAt,
            @Schema(description = "Task actions (POST /requests/{requestId}/tasks/{id}/<action>) the caller may make"
                    + " now: start an open task, complete a started one (fulfilment staff)")
            List<String> allowedActions) {
    }
}
