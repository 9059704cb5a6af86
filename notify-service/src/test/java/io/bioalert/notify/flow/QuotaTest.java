package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.bioalert.notify.config.SettableClock;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, hole 7: sign-up, test alerts and opt-in mails had no rate limit, watchlists and destinations
 * per subscriber no cap, and a destination could ask for 600,000 sends a minute. The limits are the
 * defaults of {@code bioalert.quota.*}; the service's clock is moved to the start of a fresh window first,
 * and past its end to show the quota has room again.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class QuotaTest {

    /** A filter no announcement of the tests carries: these watchlists must not catch other tests' stories. */
    private static final String NOTHING_ELSE_CATCHES = "{\"keywords\": [\"quota-" + UUID.randomUUID() + "\"]}";

    @Inject
    SettableClock clock;

    @Test
    void signUpsFromOneClientAddressAreLimited() {
        clock.advanceToNextWindow(Duration.ofHours(1));
        String client = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 10; i++) {
            signUp(client).then().statusCode(201);
        }
        Response refused = signUp(client);
        refused.then().statusCode(429).body("error", containsString("sign-ups from one address"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        signUp(Fixtures.clientAddress()).then().statusCode(201); // another client is not held back

        clock.advance(Duration.ofSeconds(retryAfter));
        signUp(client).then().statusCode(201);
    }

    @Test
    void testAlertsAreLimitedPerSubscriberAndPerReceivingHost() {
        clock.advanceToNextWindow(Duration.ofMinutes(1));
        // A loopback address of this test's own, nothing listening: each test alert is refused at once.
        String url = "http://127.0.0." + ThreadLocalRandom.current().nextInt(2, 255) + ":9/hook-" + UUID.randomUUID();
        List<String[]> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String token = Fixtures.signUp();
            JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("test alerts", NOTHING_ELSE_CATCHES,
                    "IMMEDIATE", Fixtures.webhook(url, "test-secret-0123456789abcdef")));
            senders.add(new String[] {token, w.getString("id"), w.getString("destinations[0].id")});
        }
        String[] first = senders.get(0);
        for (int i = 0; i < 10; i++) {
            testAlert(first).then().statusCode(200).body("outcome", equalTo("RETRY"));
        }
        testAlert(first).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", containsString("test alerts per subscriber"));
        // Two more subscribers bring the host to its 30 a minute; a fourth is refused for the host.
        for (String[] other : senders.subList(1, 3)) {
            for (int i = 0; i < 10; i++) {
                testAlert(other).then().statusCode(200);
            }
        }
        testAlert(senders.get(3)).then().statusCode(429).body("error", containsString("test alerts to 127.0.0."));

        clock.advanceToNextWindow(Duration.ofMinutes(1));
        testAlert(first).then().statusCode(200);
    }

    @Test
    void optInMailsAreLimitedPerAddressAndPerSubscriber() {
        clock.advanceToNextWindow(Duration.ofDays(1));
        String address = "optin-quota-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 3; i++) {
            Fixtures.createWatchlist(Fixtures.signUp(), Fixtures.watchlist("mail " + i, NOTHING_ELSE_CATCHES,
                    "IMMEDIATE", Fixtures.email(address)));
        }
        String fourth = Fixtures.signUp();
        createWatchlist(fourth, Fixtures.email(address)).then().statusCode(429)
                .body("error", containsString("opt-in mails to one address"));
        given().header("Authorization", bearer(fourth)).get("/api/watchlists").then().body("size()", equalTo(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> Fixtures.mailTo(address).size() == 3);

        String busy = Fixtures.signUp();
        for (int w = 0; w < 2; w++) {
            List<String> ten = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ten.add(Fixtures.email("many-" + UUID.randomUUID() + "@example.org"));
            }
            createWatchlist(busy, ten.toArray(String[]::new)).then().statusCode(201);
        }
        createWatchlist(busy, Fixtures.email("one-more-" + UUID.randomUUID() + "@example.org")).then().statusCode(429)
                .body("error", containsString("opt-in mails per subscriber"));
    }

    @Test
    void watchlistsAndDestinationsPerSubscriberAreCapped() {
        String token = Fixtures.signUp();
        String hook = Fixtures.webhook("http://127.0.0.1:9/capped", "test-secret-0123456789abcdef");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(createWatchlist(token, hook).then().statusCode(201).extract().path("id"));
        }
        createWatchlist(token, hook).then().statusCode(409).body("error", containsString("at most 50 watchlists"));
        given().header("Authorization", bearer(token)).delete("/api/watchlists/{id}", ids.get(0)).then().statusCode(204);
        createWatchlist(token, hook).then().statusCode(201);

        String many = Fixtures.signUp();
        String[] ten = new String[10];
        java.util.Arrays.fill(ten, hook);
        String last = null;
        for (int i = 0; i < 10; i++) {
            last = createWatchlist(many, ten).then().statusCode(201).extract().path("id");
        }
        given().contentType(ContentType.JSON).header("Authorization", bearer(many)).body(hook)
                .post("/api/watchlists/{id}/destinations", last).then().statusCode(409)
                .body("error", containsString("at most 100 destinations"));
        createWatchlist(many, hook).then().statusCode(409).body("error", containsString("destinations"));
    }

    @Test
    void aDestinationsRateHasAnUpperBound() {
        String token = Fixtures.signUp();
        createWatchlist(token, "{\"type\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/fast\", \"ratePerMinute\": 600000}")
                .then().statusCode(400).body("fields[0].field", equalTo("destinations[0].ratePerMinute"))
                .body("fields[0].message", containsString("at most 60000"));
        createWatchlist(token, "{\"type\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/fast\", \"ratePerMinute\": 60000}")
                .then().statusCode(201);
    }

    private static Response signUp(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body("{\"email\": \"quota-" + UUID.randomUUID() + "@example.org\"}").post("/api/subscribers");
    }

    private static Response createWatchlist(String token, String... destinations) {
        return given().contentType(ContentType.JSON).header("Authorization", bearer(token))
                .body(Fixtures.watchlist("quota", NOTHING_ELSE_CATCHES, "IMMEDIATE", destinations))
                .post("/api/watchlists");
    }

    private static Response testAlert(String[] sender) {
        return given().header("Authorization", bearer(sender[0]))
                .post("/api/watchlists/{id}/destinations/{d}/test", sender[1], sender[2]);
    }
}
