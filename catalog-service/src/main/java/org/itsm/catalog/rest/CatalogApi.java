package org.itsm.catalog.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.itsm.catalog.domain.Criticality;
import org.itsm.catalog.domain.ServiceType;
import org.itsm.catalog.domain.WindowRules;
import org.itsm.catalog.service.PortfolioCommands.AddOffering;
import org.itsm.catalog.service.PortfolioCommands.EditOffering;
import org.itsm.catalog.service.PortfolioCommands.EditService;
import org.itsm.catalog.service.PortfolioCommands.RegisterService;
import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.catalog.TimeWindow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * API models of services, offerings, the service map and planned changes (records; entities never cross the API).
 * Request bodies map themselves to the portfolio's command records ({@code toCommand()}).
 */
public final class CatalogApi {

    private CatalogApi() {
    }

    @Schema(description = "A new service; it starts in PIPELINE and moves by the go-live and retire actions.")
    public record CreateService(
            @NotBlank @Size(max = 120) @Schema(example = "Email") String name,
            @Size(max = 4000) String description,
            @NotNull @Schema(example = "BUSINESS") ServiceType type,
            @Size(max = 120) String owner,
            @Size(max = 120) @Schema(example = "messaging") String supportGroup,
            @Schema(description = "Defaults to MEDIUM") Criticality criticality,
            @Size(max = 40) @Schema(example = "1.0") String version,
            @Size(max = 50) @Schema(description = "Ids of the services this one depends on") List<UUID> dependsOn) {

        RegisterService toCommand() {
            return new RegisterService(name, description, type, owner, supportGroup, criticality, version, dependsOn);
        }
    }

    @Schema(description = "Fields to change; absent fields stay as they are. Lifecycle moves are actions.")
    public record UpdateService(
            @Size(min = 1, max = 120) String name,
            @Size(max = 4000) String description,
            ServiceType type,
            @Size(max = 120) String owner,
            @Size(max = 120) String supportGroup,
            Criticality criticality,
            @Size(max = 40) String version,
            @Size(max = 50) List<UUID> dependsOn) {

        EditService toCommand() {
            return new EditService(name, description, type, owner, supportGroup, criticality, version, dependsOn);
        }
    }

    public record ServiceView(UUID id, String number, String name, String description, ServiceType type, String owner,
            String supportGroup, Lifecycle lifecycle, Criticality criticality, String version, List<UUID> dependsOn,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Approved changes planned on the service or its offerings, until implemented or"
                    + " dropped (single-service view only)")
            List<PlannedChangeView> plannedChanges,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Catalog updates of implemented changes that no longer fitted (single-service view"
                    + " only)")
            List<RejectedUpdateView> rejectedChangeUpdates,
            List<String> allowedActions, Instant createdAt, Instant updatedAt) {
    }

    public record PlannedChangeView(UUID changeId, String changeNumber, UUID offeringId, Instant plannedStart,
            Instant plannedEnd, String summary) {
    }

    public record RejectedUpdateView(UUID changeId, String changeNumber, String reason, Instant rejectedAt) {
    }

    @Schema(description = "A service that depends (transitively) on the one asked about")
    public record ImpactView(UUID serviceId, String number, String name, Lifecycle lifecycle, Criticality criticality,
            @Schema(description = "Dependency hops from the service asked about") int distance,
            @Schema(description = "The service it depends on along the way") UUID via) {
    }

    public record SlaTargetInput(
            @NotNull @Pattern(regexp = "P[1-5]", message = "must be one of P1..P5") String priority,
            @NotNull @Min(1) @Max(525600) Integer responseMinutes,
            @NotNull @Min(1) @Max(525600) Integer resolutionMinutes) {

        SlaTarget toContract() {
            return new SlaTarget(priority, responseMinutes, resolutionMinutes);
        }
    }

    /** The targets as stored and published; null (absent) stays null. */
    static List<SlaTarget> slaTargets(List<SlaTargetInput> input) {
        return input == null ? null : input.stream().map(SlaTargetInput::toContract).toList();
    }

    public record BusinessHoursInput(
            @NotBlank @Size(max = 60) @Schema(example = "Europe/Paris") String timeZone,
            @NotEmpty @Size(max = 7) List<@NotNull DayOfWeek> workingDays,
            @NotNull @Schema(example = "08:00") LocalTime start,
            @NotNull @Schema(example = "18:00") LocalTime end,
            @Size(max = 400) List<@NotNull LocalDate> holidays) {

        public BusinessHours toContract() {
            return new BusinessHours(timeZone, workingDays.stream().map(DayOfWeek::name).toList(), start, end,
                    holidays == null ? List.of() : holidays);
        }
    }

    @Schema(description = "A maintenance or blackout window: one-off (start and end) or weekly (weekly, with start"
            + " and end optionally bounding the period it repeats in)")
    public record WindowInput(
            @Schema(example = "2026-12-24T22:00:00Z") Instant start,
            @Schema(example = "2026-12-26T06:00:00Z") Instant end,
            @Size(max = 400) String description,
            @Valid @Schema(description = "Repeats every week; absent for a one-off window") WeeklyInput weekly) {

        WindowRules.Window toRule() {
            return new WindowRules.Window(start, end, description, weekly == null ? null
                    : new WindowRules.Weekly(weekly.day(), weekly.from(), weekly.to(), weekly.timeZone()));
        }
    }

    @Schema(description = "Every week on day, from..to local time in timeZone (a to before from ends the next day)")
    public record WeeklyInput(
            @Size(max = 9) @Schema(example = "SUNDAY") String day,
            @Schema(type = SchemaType.STRING, example = "02:00") LocalTime from,
            @Schema(type = SchemaType.STRING, example = "04:00") LocalTime to,
            @Size(max = 60) @Schema(example = "Asia/Seoul") String timeZone) {
    }

    /** The windows as the rules see them; null (absent) stays null. */
    static List<WindowRules.Window> windows(List<WindowInput> input) {
        return input == null ? null : input.stream().map(WindowInput::toRule).toList();
    }

    @Schema(description = "A new offering of a service: SLA targets per priority, business hours, windows")
    public record CreateOffering(
            @NotBlank @Size(max = 120) @Schema(example = "Email Gold") String name,
            @Size(max = 120) String supportGroup,
            @Size(max = 5) List<@Valid @NotNull SlaTargetInput> slaTargets,
            @Valid @Schema(description = "Absent means around the clock") BusinessHoursInput businessHours,
            @Size(max = 100) List<@Valid @NotNull WindowInput> maintenanceWindows,
            @Size(max = 100) List<@Valid @NotNull WindowInput> blackoutWindows,
            @Schema(description = "true makes it the service's default offering (the previous default stops being"
                    + " one): its SLA terms apply to records naming the service but no offering") Boolean defaultOffering) {

        AddOffering toCommand() {
            return new AddOffering(name, supportGroup, CatalogApi.slaTargets(slaTargets),
                    businessHours == null ? null : businessHours.toContract(), windows(maintenanceWindows),
                    windows(blackoutWindows), defaultOffering);
        }
    }

    @Schema(description = "Fields to change; a list given replaces the stored one")
    public record UpdateOffering(
            @Size(min = 1, max = 120) String name,
            @Size(max = 120) String supportGroup,
            @Size(max = 5) List<@Valid @NotNull SlaTargetInput> slaTargets,
            @Valid BusinessHoursInput businessHours,
            @Size(max = 100) List<@Valid @NotNull WindowInput> maintenanceWindows,
            @Size(max = 100) List<@Valid @NotNull WindowInput> blackoutWindows,
            @Schema(description = "true makes it the service's default offering (clearing the previous one); false"
                    + " stops it being the default") Boolean defaultOffering) {

        EditOffering toCommand() {
            return new EditOffering(name, supportGroup, CatalogApi.slaTargets(slaTargets),
                    businessHours == null ? null : businessHours.toContract(), windows(maintenanceWindows),
                    windows(blackoutWindows), defaultOffering);
        }
    }

    public record OfferingView(UUID id, UUID serviceId, String name, OfferingStatus status, String supportGroup,
            List<SlaTarget> slaTargets, BusinessHours businessHours, List<TimeWindow> maintenanceWindows,
            List<TimeWindow> blackoutWindows,
            @Schema(description = "The service's default offering (at most one per service)") boolean defaultOffering,
            Instant createdAt, Instant updatedAt) {
    }
}
