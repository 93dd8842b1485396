package org.itsm.events.change;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A change request at a lifecycle moment; approved and implemented carry the window and the catalog update.
 * {@code requester} (added after v1 was first published, optional) is the requester's user name, so consumers such
 * as the gateway's live stream can show a requester only their own changes. {@code changedFields} (added later,
 * optional; set on {@code updated}) names the fields the update changed, and {@code newValues} their new values as
 * text for the fields that are not free text (people, window, services, type...); free-text fields are named only.
 * {@code implementer} (added later, optional) is the user name of the change's implementer, and {@code awaitedVotes}
 * (added later, optional) the capacities ({@code CHANGE_MANAGER}, {@code CAB_MEMBER}) whose votes the change awaits
 * while its approval is pending in Authorize (empty otherwise), so notification-service can tell the voters.
 */
public record ChangeEvent(
        UUID id,
        String number,
        String type,
        String state,
        String title,
        List<UUID> affectedServiceIds,
        List<UUID> affectedOfferingIds,
        Instant plannedStart,
        Instant plannedEnd,
        String riskLevel,
        String outcome,
        String problemNumber,
        CatalogUpdate catalogUpdate,
        Instant occurredAt,
        String requester,
        List<String> changedFields,
        Map<String, String> newValues,
        String implementer,
        List<String> awaitedVotes) {

    /** The payload with the requester and the changed fields, without the implementer and the awaited votes. */
    public ChangeEvent(UUID id, String number, String type, String state, String title, List<UUID> affectedServiceIds,
            List<UUID> affectedOfferingIds, Instant plannedStart, Instant plannedEnd, String riskLevel, String outcome,
            String problemNumber, CatalogUpdate catalogUpdate, Instant occurredAt, String requester,
            List<String> changedFields, Map<String, String> newValues) {
        this(id, number, type, state, title, affectedServiceIds, affectedOfferingIds, plannedStart, plannedEnd,
                riskLevel, outcome, problemNumber, catalogUpdate, occurredAt, requester, changedFields, newValues, null,
                null);
    }

    /** The payload with the requester, without the changed fields. */
    public ChangeEvent(UUID id, String number, String type, String state, String title, List<UUID> affectedServiceIds,
            List<UUID> affectedOfferingIds, Instant plannedStart, Instant plannedEnd, String riskLevel, String outcome,
            String problemNumber, CatalogUpdate catalogUpdate, Instant occurredAt, String requester) {
        this(id, number, type, state, title, affectedServiceIds, affectedOfferingIds, plannedStart, plannedEnd,
                riskLevel, outcome, problemNumber, catalogUpdate, occurredAt, requester, null, null, null, null);
    }

    /** The payload as first published, without the requester (kept so existing producers and tests compile). */
    public ChangeEvent(UUID id, String number, String type, String state, String title, List<UUID> affectedServiceIds,
            List<UUID> affectedOfferingIds, Instant plannedStart, Instant plannedEnd, String riskLevel, String outcome,
            String problemNumber, CatalogUpdate catalogUpdate, Instant occurredAt) {
        this(id, number, type, state, title, affectedServiceIds, affectedOfferingIds, plannedStart, plannedEnd,
                riskLevel, outcome, problemNumber, catalogUpdate, occurredAt, null, null, null, null, null);
    }
}
