package io.bioalert.ingest.announcement;

import static io.bioalert.ingest.support.Api.given;
import static io.bioalert.testkit.ErrorBodies.firstField;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Every bad request to ingest is answered with bioalert-rest's error body, the one shape of all three
 * services: {@code {"error": …, "fields": [{"field", "message"[, "valid"]}]}}, the field named.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ErrorBodyShapeTest {

    @Test
    void malformedJsonNamesTheRequest() {
        assertThat(firstField(given().contentType(ContentType.JSON).body("{\"title\": ").post("/api/announcements")))
                .isEqualTo("request");
    }

    @Test
    void aFailedValidationNamesTheField() {
        assertThat(firstField(given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"body\": \" \"}")
                .post("/api/announcements"))).isEqualTo("body");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheValidValues() {
        Response r = given().contentType(ContentType.JSON)
                .body("{\"name\": \"shape\", \"kind\": \"PODCAST\", \"url\": \"https://shape.example.com/f\"}")
                .post("/api/sources");
        assertThat(firstField(r)).isEqualTo("kind");
        assertThat(r.jsonPath().getList("fields[0].valid", String.class)).contains("FEED");
    }

    @Test
    void aRefusalOfTheServiceItselfNamesTheField() {
        assertThat(firstField(given().contentType(ContentType.JSON)
                .body("{\"name\": \"shape-re\", \"kind\": \"FEED\", \"url\": \"https://shape.example.com/f\", \"linkPattern\": \"(\"}")
                .post("/api/sources"))).isEqualTo("linkPattern");
        assertThat(firstField(given().multiPart("other", "x").post("/api/imports"))).isEqualTo("file");
    }

}
