package io.bioalert.notify.flow;

import static io.bioalert.notify.flow.Fixtures.bearer;
import static io.restassured.RestAssured.given;
import static io.bioalert.testkit.ErrorBodies.firstField;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every bad request to notify is answered with bioalert-rest's error body, the one shape of all three
 * services: {@code {"error": …, "fields": [{"field", "message"[, "valid"]}]}}, the field named; notify's
 * own refusals (409 here, 429 alike) carry the same two keys with no field.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class ErrorBodyShapeTest {

    private Response post(String token, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body(body).post("/api/watchlists");
    }

    @Test
    void malformedJsonNamesTheRequest() {
        assertThat(firstField(post(Fixtures.signUp(), "{\"name\": "))).isEqualTo("request");
    }

    @Test
    void aFailedValidationNamesTheField() {
        assertThat(firstField(post(Fixtures.signUp(), Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE"))))
                .isEqualTo("destinations");
    }

    @Test
    void anUnknownTypeNamesTheFieldAndTheValidValues() {
        Response r = post(Fixtures.signUp(), Fixtures.watchlist("x", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                "{\"type\": \"FAX\", \"url\": \"https://example.org/\"}"));
        assertThat(firstField(r)).isEqualTo("destinations[0].type");
        assertThat(r.jsonPath().getString("fields[0].message")).contains("EMAIL", "SLACK", "WEBHOOK");
    }

    @Test
    void anUnknownIdNamesTheFieldAndTheValidIds() {
        Response r = post(Fixtures.signUp(), Fixtures.watchlist("x", "{\"targets\": [\"NOPE1\"]}", "IMMEDIATE",
                Fixtures.email("shape@example.org")));
        assertThat(firstField(r)).isEqualTo("filter.targets[0]");
        assertThat(r.jsonPath().getList("fields[0].valid", String.class)).contains("ERBB2");
    }

    @Test
    void aConflictCarriesTheSameKeysWithNoField() {
        String token = Fixtures.signUp();
        JsonPath w = Fixtures.createWatchlist(token, Fixtures.watchlist("shape", "{\"targets\": [\"ERBB2\"]}", "IMMEDIATE",
                Fixtures.email("shape-" + java.util.UUID.randomUUID() + "@example.org")));
        Response r = given().header("Authorization", bearer(token))
                .post("/api/watchlists/{id}/destinations/{d}/test", w.getString("id"), w.getString("destinations[0].id"));
        r.then().statusCode(409).contentType(ContentType.JSON);
        Map<String, Object> body = r.jsonPath().getMap("$");
        assertThat(body.keySet()).containsExactlyInAnyOrder("error", "fields");
        assertThat(r.jsonPath().getList("fields")).isEmpty();
    }

}
