package io.bioalert.ingest.fetch;

import static io.bioalert.ingest.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.bioalert.ingest.support.Api;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Ingest as deployed, without the test profile's loopback allowlist: a source may not read the service's
 * own metrics, or anything else on this machine, neither when it is created nor when it is polled.
 */
@QuarkusTest
@RealInfrastructure
@TestProfile(DefaultFetchGuardTest.NoLoopbackAllowed.class)
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class DefaultFetchGuardTest {

    /** An allowlist naming only an outside host, as an operator might set it. */
    public static class NoLoopbackAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bioalert.fetch.allow-hosts", "feeds.example.org",
                    "%test.bioalert.fetch.allow-hosts", "feeds.example.org");
        }
    }

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Inject
    DataSource dataSource;

    @Test
    void aSourceOnThisMachineIsRefusedWhenCreated() {
        String port = String.valueOf(metrics.getPort());
        for (String url : new String[] {"http://localhost:" + port + "/q/metrics", "http://127.0.0.1:" + port + "/q/metrics",
                "http://[::1]:" + port + "/q/metrics", "http://169.254.169.254/latest/meta-data/"}) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("name", "inside-" + UUID.randomUUID().toString().substring(0, 8), "kind", "PAGE", "url", url))
                    .post("/api/sources").then().statusCode(400)
                    .body("fields[0].field", equalTo("url"));
        }
    }

    @Test
    void aStoredSourceLeadingHereIsRefusedAtEveryPollWithTheReasonInItsStatus() throws Exception {
        // Stored before the allowlist was narrowed, or by an older version: the poll checks again.
        String name = "stored-inside-" + UUID.randomUUID().toString().substring(0, 8);
        long id;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO source (name, kind, url, poll_interval_s, status, next_poll_at, created_at)
                VALUES (?, 'PAGE', ?, 600, 'ACTIVE', now() + interval '1 hour', now()) RETURNING id""")) {
            ps.setString(1, name);
            ps.setString(2, "http://localhost:" + metrics.getPort() + "/q/metrics");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }

        assertThat(Api.poll(id).getString("error")).contains("refused").contains("/q/metrics");
        assertThat(Api.source(id).getString("lastError")).contains("refused");
        assertThat(Api.source(id).getLong("storiesNew")).isZero();
        given().queryParam("source", name).get("/api/announcements").then().statusCode(200).body("total", equalTo(0));
    }
}
