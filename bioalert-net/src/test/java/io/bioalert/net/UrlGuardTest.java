package io.bioalert.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {

    private final UrlGuard strict = new UrlGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/x", "http://localhost/x", "http://10.1.2.3/", "http://172.16.0.1/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/",
            "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/",
            "http://[::127.0.0.1]/", "http://[::a9fe:a9fe]/", "http://[64:ff9b::169.254.169.254]/", "http://[64:ff9b::7f00:1]/",
            "http://[2002:a9fe:a9fe::1]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "http://[64:ff9b:1::8.8.8.8]/", "http://192.0.0.170/", "http://[fec0::1]/"})
    void internalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.Refused.class)
                .hasMessageContaining("allowlist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "gopher://x", "not a url", "http:///nohost",
            "http://user:pw@8.8.8.8/"})
    void onlyHttpUrlsWithAHostAndNoCredentials(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UrlGuard.Refused.class);
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertThat(strict.check("https://8.8.8.8/hook").getHost()).isEqualTo("8.8.8.8");
        // The same public address embedded in IPv6 by NAT64 or 6to4 is as public.
        assertThat(strict.check("https://[64:ff9b::8.8.8.8]/hook")).isNotNull();
        assertThat(strict.check("https://[2002:808:808::1]/hook")).isNotNull();
        assertThat(strict.check("https://[2606:4700:4700::1111]/hook")).isNotNull();
    }

    @Test
    void theOperatorAllowlistOpensHostsAddressesAndRanges() throws Exception {
        UrlGuard guard = new UrlGuard(List.of("localhost", "127.0.0.1", "10.1.0.0/16"));
        assertThat(guard.check("http://localhost:9000/x")).isNotNull();
        assertThat(guard.check("http://127.0.0.1:9000/x")).isNotNull();
        assertThat(guard.check("http://10.1.200.3/x")).isNotNull();
        assertThatThrownBy(() -> guard.check("http://10.2.0.1/x")).isInstanceOf(UrlGuard.Refused.class);
        assertThatThrownBy(() -> guard.check("http://169.254.169.254/")).isInstanceOf(UrlGuard.Refused.class);
    }

    @Test
    void theAddressToSendToIsOneThatWasChecked() throws Exception {
        UrlGuard.Target target = new UrlGuard(List.of("localhost")).resolve("http://localhost:9000/hook");
        assertThat(target.address().isLoopbackAddress()).isTrue();
        assertThat(target.port()).isEqualTo(9000);
        assertThat(strict.resolve("https://8.8.8.8/hook").port()).isEqualTo(443);
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedAsUnresolved() {
        // Unresolved is a Refused (a 400 when saving) that a send retries instead of disabling the destination.
        assertThatThrownBy(() -> strict.resolve("https://hooks.bioalert.invalid/x"))
                .isInstanceOf(UrlGuard.Unresolved.class).hasMessageContaining("does not resolve");
    }
}
