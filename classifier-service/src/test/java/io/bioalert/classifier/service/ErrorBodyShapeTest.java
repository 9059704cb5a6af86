package io.bioalert.classifier.service;

import static io.restassured.RestAssured.given;
import static io.bioalert.testkit.ErrorBodies.firstField;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Every bad request to the classifier is answered with bioalert-rest's error body, the one shape of all
 * three services: {@code {"error": …, "fields": [{"field", "message"[, "valid"]}]}}, the field named.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(ServiceTestResource.class)
class ErrorBodyShapeTest {

    @Test
    void malformedJsonNamesTheRequest() {
        assertThat(firstField(given().contentType(ContentType.JSON).body("{\"body\": ").post("/api/classify")))
                .isEqualTo("request");
    }

    @Test
    void aWrongTypeNamesItsPath() {
        assertThat(firstField(given().contentType(ContentType.JSON).body("{\"body\": {\"nested\": true}}")
                .post("/api/classify"))).isEqualTo("body");
    }

    @Test
    void aFailedValidationNamesTheField() {
        assertThat(firstField(given().contentType(ContentType.JSON).body("{\"id\": \"x\", \"body\": \" \"}")
                .post("/api/classify"))).isEqualTo("body");
    }

}
