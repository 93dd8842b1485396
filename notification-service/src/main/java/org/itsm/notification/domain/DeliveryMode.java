package org.itsm.notification.domain;

import java.util.Locale;

/** How a person takes a kind of mail: each one as it happens, or all of a day in one digest mail. */
public enum DeliveryMode {
    IMMEDIATE, DAILY;

    /** As the preferences API writes it: {@code immediate} or {@code daily}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode the API names; null for anything else. */
    public static DeliveryMode of(String value) {
        for (DeliveryMode mode : values()) {
            if (mode.value().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
