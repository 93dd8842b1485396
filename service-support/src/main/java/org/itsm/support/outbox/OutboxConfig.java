package org.itsm.support.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "itsm.outbox")
public interface OutboxConfig {

    /** CloudEvents source of this service, e.g. {@code /incident-service}. */
    String source();

    /** Events published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** Safety-net poll; commits normally wake the relay at once through LISTEN/NOTIFY. */
    @WithDefault("2s")
    Duration pollInterval();

    /** How long a publish may wait for the broker before the batch is retried later. */
    @WithDefault("15s")
    Duration publishTimeout();
}
