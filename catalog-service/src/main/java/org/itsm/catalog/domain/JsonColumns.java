package org.itsm.catalog.domain;

import java.util.List;

import jakarta.persistence.Converter;

import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.catalog.TimeWindow;
import org.itsm.support.persistence.JsonColumn;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The offering's JSON text columns, on service-support's {@link JsonColumn} (one JSON format for every service);
 * a service's {@code dependsOn} uses {@link JsonColumn.UuidList}. An absent list is stored as {@code []}.
 */
public final class JsonColumns {

    private JsonColumns() {
    }

    /** A list column: an absent list is stored as an empty JSON array. */
    abstract static class ListColumn<E> extends JsonColumn<List<E>> {

        ListColumn(TypeReference<List<E>> type) {
            super(type);
        }

        @Override
        public String convertToDatabaseColumn(List<E> value) {
            return super.convertToDatabaseColumn(value == null ? List.of() : value);
        }
    }

    @Converter
    public static class SlaTargets extends ListColumn<SlaTarget> {
        public SlaTargets() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class TimeWindows extends ListColumn<TimeWindow> {
        public TimeWindows() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Calendar extends JsonColumn<BusinessHours> {
        public Calendar() {
            super(new TypeReference<>() { });
        }
    }
}
