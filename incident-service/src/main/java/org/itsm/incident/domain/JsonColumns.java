package org.itsm.incident.domain;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Converter;

import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.support.persistence.JsonColumn;

import com.fasterxml.jackson.core.type.TypeReference;

/** The contract values the incident tables keep as JSON text (service-support's one JSON column format). */
public final class JsonColumns {

    private JsonColumns() {
    }

    /** An offering's SLA targets per priority. */
    @Converter
    public static class SlaTargets extends JsonColumn<List<SlaTarget>> {

        public SlaTargets() {
            super(new TypeReference<>() { });
        }
    }

    /** Business hours: an offering's, and the copy an incident's SLA clocks count on. */
    @Converter
    public static class Hours extends JsonColumn<BusinessHours> {

        public Hours() {
            super(new TypeReference<>() { });
        }
    }

    /** A saved view's list filters, by parameter name. */
    @Converter
    public static class Filters extends JsonColumn<Map<String, String>> {

        public Filters() {
            super(new TypeReference<>() { });
        }
    }
}
