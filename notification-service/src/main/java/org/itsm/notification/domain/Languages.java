package org.itsm.notification.domain;

import java.util.List;

/** The languages mails are written in. */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("ko", "en");

    private Languages() {
    }

    /** {@code language} when mails exist in it (a region such as {@code ko-KR} counts as {@code ko}), else the fallback. */
    public static String supportedOr(String language, String fallback) {
        if (language != null) {
            String base = language.split("[-_]")[0];
            if (SUPPORTED.contains(base)) {
                return base;
            }
        }
        return fallback;
    }
}
