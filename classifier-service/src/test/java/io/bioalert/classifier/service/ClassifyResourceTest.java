package io.bioalert.classifier.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
@WithTestResource(ServiceTestResource.class)
class ClassifyResourceTest {

    @Test
    void classifiesOneAnnouncementWithEvidence() {
        given().contentType(ContentType.JSON).body("""
                        {"id": "doc-1", "title": "Helix Therapeutics gets FDA Fast Track for HX-5",
                         "body": "Helix Therapeutics announced that the FDA granted Fast Track designation to HX-5, an oral small molecule KRAS G12C inhibitor.",
                         "publishedAt": "2026-01-15"}
                        """)
                .post("/api/classify")
                .then().statusCode(200)
                .body("id", equalTo("doc-1"))
                .body("events.type", hasItem("FAST_TRACK"))
                .body("events.find { it.type == 'FAST_TRACK' }.agency", equalTo("FDA"))
                .body("events.find { it.type == 'FAST_TRACK' }.evidence", notNullValue())
                .body("modalities.id", contains("SMALL_MOLECULE"));
    }

    @Test
    void emptyBodyIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"id\": \"x\", \"body\": \"  \"}")
                .post("/api/classify")
                .then().statusCode(400).body("fields[0].field", equalTo("body"));
    }

    @Test
    void fiveMegabyteBodyIsA400NamingTheField() {
        String body = "{\"id\": \"big\", \"body\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(body)
                .post("/api/classify")
                .then().statusCode(400).body("fields[0].field", equalTo("body"));
    }

    @Test
    void binaryGarbageIsA400() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        given().contentType(ContentType.JSON).body(garbage)
                .post("/api/classify")
                .then().statusCode(400);
    }

    @Test
    void wrongJsonShapeIsA400() {
        given().contentType(ContentType.JSON).body("[1, 2, 3]").post("/api/classify").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"body\": {\"nested\": true}}").post("/api/classify")
                .then().statusCode(400);
    }
}
