package org.itsm.notification.webhook.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TargetPolicyTest {

    /** A resolver from a table: DNS answers without DNS. */
    private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34",
            "sneaky.example.com", "10.1.2.3", "metadata.example.com", "169.254.169.254",
            "mixed.example.com", "93.184.216.34,192.168.1.1", "v6.example.com", "2606:4700::6810:84e5");

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        String addresses = DNS.get(host);
        if (addresses == null) {
            if (host.matches("[0-9a-fA-F:.]+")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        java.util.ArrayList<InetAddress> list = new java.util.ArrayList<>();
        for (String address : addresses.split(",")) {
            list.add(InetAddress.getByName(address));
        }
        return list;
    }

    private final TargetPolicy strict = new TargetPolicy(List.of());

    @Test
    void aPublicHttpsTargetIsAdmittedWithTheAddressToConnectTo() throws Exception {
        TargetPolicy.Target target = strict.check("https://hooks.example.com/itsm?x=1", TargetPolicyTest::resolve);
        assertThat(target.host(), equalTo("hooks.example.com"));
        assertThat(target.port(), equalTo(443));
        assertThat(target.tls(), is(true));
        assertThat(target.address().getHostAddress(), equalTo("93.184.216.34"));
        assertThat(strict.check("http://[2606:4700::6810:84e5]:8080/", TargetPolicyTest::resolve).port(),
                equalTo(8080));
    }

    @Test
    void privateLoopbackLinkLocalAndMulticastAddressesAreRefusedAfterResolution() {
        for (String url : List.of("http://sneaky.example.com/", "http://metadata.example.com/latest",
                "http://mixed.example.com/", "http://127.0.0.1:8080/", "http://[::1]/", "http://0.0.0.0/",
                "http://224.0.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://100.64.0.1/",
                "http://172.16.5.4/", "http://192.168.0.1/", "http://[::ffff:127.0.0.1]/", "http://255.255.255.255/")) {
            TargetPolicy.Refused refused = assertThrows(TargetPolicy.Refused.class,
                    () -> strict.check(url, TargetPolicyTest::resolve), url);
            assertThat(url, refused.getMessage(), containsString("not allowed"));
        }
    }

    @Test
    void anAllowListAdmitsTheNetworksItNames() throws Exception {
        TargetPolicy lenient = new TargetPolicy(List.of("127.0.0.0/8", "10.1.0.0/16", "::1"));
        assertThat(lenient.check("http://127.0.0.1:9000/hook", TargetPolicyTest::resolve).port(), equalTo(9000));
        lenient.check("http://sneaky.example.com/", TargetPolicyTest::resolve);
        lenient.check("http://[::1]/", TargetPolicyTest::resolve);
        assertThrows(TargetPolicy.Refused.class, () -> lenient.check("http://10.2.0.1/", TargetPolicyTest::resolve));
        assertThrows(TargetPolicy.Refused.class, () -> lenient.check("http://192.168.1.1/", TargetPolicyTest::resolve));
    }

    @Test
    void onlyAbsoluteHttpAndHttpsUrlsWithAHostAndNoCredentialsAreTargets() {
        for (String url : List.of("ftp://hooks.example.com/", "file:///etc/passwd", "hooks.example.com/x",
                "http:///path", "https://user:pw@hooks.example.com/", "https://hooks.example.com/#frag",
                "http://exa mple.com/", "", "https://" + "a".repeat(2000) + ".com/")) {
            assertThrows(TargetPolicy.Refused.class, () -> strict.check(url, TargetPolicyTest::resolve), url);
        }
        TargetPolicy.Refused unresolved = assertThrows(TargetPolicy.Refused.class,
                () -> strict.check("https://nowhere.example.com/", TargetPolicyTest::resolve));
        assertThat(unresolved.getMessage(), containsString("does not resolve"));
    }

    @Test
    void aMalformedAllowListIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new TargetPolicy(List.of("localhost")));
        assertThrows(IllegalArgumentException.class, () -> new TargetPolicy(List.of("10.0.0.0/33")));
    }
}
