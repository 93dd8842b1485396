package org.itsm.gateway.routing;

import java.net.URI;

import org.jboss.logging.Logger;

import io.vertx.core.http.RequestOptions;

/**
 * One instance of an upstream service, by base URL. An instance a connection could not be opened to is left out of
 * the turn for a while (see {@link Instances}); the first connection opened to it again brings it back.
 */
public final class Instance {

    private static final Logger LOG = Logger.getLogger(Instance.class);

    private final String serviceName;
    private final URI url;
    private final String host;
    private final int port;
    private final boolean ssl;
    private volatile boolean leftOut;
    private volatile long leftOutUntilNanos;

    Instance(String upstream, String serviceName, URI url) {
        if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("itsm.gateway.upstreams." + upstream
                    + " must be one or more comma-separated base URLs like http://host:port, not " + url);
        }
        this.serviceName = serviceName;
        this.url = url;
        this.host = url.getHost();
        this.ssl = "https".equals(url.getScheme());
        this.port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
    }

    /** The base URL, as configured. */
    public URI url() {
        return url;
    }

    /** The given options (URI, timeouts) addressed to this instance. */
    public RequestOptions requestOptions(RequestOptions options) {
        return new RequestOptions(options).setHost(host).setPort(port).setSsl(ssl);
    }

    /** Whether the instance takes its turn: no connection to it has failed lately. */
    public boolean available() {
        return available(System.nanoTime());
    }

    boolean available(long nowNanos) {
        return !leftOut || nowNanos - leftOutUntilNanos >= 0;
    }

    void reached() {
        if (leftOut) {
            leftOut = false;
            LOG.infof("%s instance %s is reachable again", serviceName, url);
        }
    }

    void unreachable(Throwable failure, long leaveOutNanos) {
        leftOutUntilNanos = System.nanoTime() + leaveOutNanos;
        if (!leftOut) {
            leftOut = true;
            LOG.warnf("%s instance %s is unreachable (%s): left out of the turn for %d ms", serviceName, url, failure,
                    leaveOutNanos / 1_000_000);
        }
    }
}
