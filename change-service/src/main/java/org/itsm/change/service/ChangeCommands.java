package org.itsm.change.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.itsm.change.domain.ChangeType;
import org.itsm.change.domain.Decision;
import org.itsm.change.domain.Outcome;
import org.itsm.change.domain.RiskAssessment;
import org.itsm.events.change.CatalogUpdate;

/**
 * What the change use cases are asked to do, in their own terms: the REST layer maps its request records to these
 * (so an event consumer or a test can call the same use case), and the services never see a REST type.
 */
public final class ChangeCommands {

    private ChangeCommands() {
    }

    /** Raise a change. {@code risk} may be null or partial (answers are completed at assessment). */
    public record NewChange(ChangeType type, String title, String description, String justification,
            List<UUID> affectedServiceIds, List<UUID> affectedOfferingIds, Instant plannedStart, Instant plannedEnd,
            String implementationPlan, String backoutPlan, String testPlan, String changeManager, String implementer,
            UUID templateId, String problemNumber, CatalogUpdate catalogUpdate, RiskAssessment.Answers risk) {
    }

    /** A partial update: null fields stay as they are. */
    public record ChangeEdit(ChangeType type, String title, String description, String justification,
            List<UUID> affectedServiceIds, List<UUID> affectedOfferingIds, Instant plannedStart, Instant plannedEnd,
            String implementationPlan, String backoutPlan, String testPlan, String changeManager, String implementer,
            UUID templateId, String problemNumber, CatalogUpdate catalogUpdate, RiskAssessment.Answers risk) {

        /** Does it touch the plan (everything but the change manager and the implementer)? */
        public boolean editsPlan() {
            return editsPlanBesidesWindow() || plannedStart != null || plannedEnd != null;
        }

        /** Does it touch the plan beyond the window (what a re-plan after Authorize may not)? */
        public boolean editsPlanBesidesWindow() {
            return type != null || title != null || description != null || justification != null
                    || affectedServiceIds != null || affectedOfferingIds != null || implementationPlan != null
                    || backoutPlan != null || testPlan != null || templateId != null || problemNumber != null
                    || catalogUpdate != null || risk != null;
        }

        /** Does it name the change manager or the implementer? */
        public boolean assignsPeople() {
            return changeManager != null || implementer != null;
        }

        /** Must the catalog update be checked again (it, or what it applies to, changes)? */
        public boolean touchesCatalogUpdate() {
            return catalogUpdate != null || affectedServiceIds != null || affectedOfferingIds != null;
        }
    }

    /** The end of the implementation: its outcome and notes. */
    public record OutcomeReport(Outcome outcome, String notes) {
    }

    /** Closing: from Implement with the outcome, from Review with the review notes. */
    public record Closing(Outcome outcome, String outcomeNotes, String reviewNotes) {
    }

    /** A vote on a change awaiting authorisation. */
    public record CastVote(Decision decision, String comment) {
    }

    /** A new pre-approved standard change template. */
    public record NewTemplate(String name, String description, String implementationPlan, String backoutPlan,
            String testPlan) {
    }
}
