package io.bioalert.ingest.auth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.bioalert.ingest.support.Api;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OperatorKeyTest {

    private static final String STORY = "{\"title\": \"FDA approves nothing\", \"body\": \"A forged story.\", \"url\": \"https://news.example.org/forged\"}";

    @Test
    void everyApiCallWithoutTheKeyIsRefusedWithTheErrorBody() {
        for (Function<RequestSpecification, io.restassured.response.Response> call : java.util.List.<Function<RequestSpecification, io.restassured.response.Response>>of(
                r -> r.contentType(ContentType.JSON).body(STORY).post("/api/announcements"),
                r -> r.contentType(ContentType.JSON).body("[" + STORY + "]").post("/api/announcements/batch"),
                r -> r.get("/api/announcements"),
                r -> r.get("/api/announcements/u-0123456789abcdef01234567"),
                r -> r.multiPart("file", "a.txt", "FDA approves".getBytes()).post("/api/imports"),
                r -> r.post("/api/imports/scan"),
                r -> r.contentType(ContentType.JSON).body("{\"name\": \"x\", \"kind\": \"FEED\", \"url\": \"https://x.example/f\"}").post("/api/sources"),
                r -> r.get("/api/sources"),
                r -> r.post("/api/sources/1/poll"),
                r -> r.post("/api/sources/1/pause"),
                r -> r.post("/api/sources/1/resume"),
                r -> r.get("/api/announcements/poisoned"),
                r -> r.delete("/api/sources/1"),
                r -> r.get("/api/no-such-thing"))) {
            call.apply(RestAssured.given()).then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .contentType(ContentType.JSON)
                    .body("error", containsString("API key required"));
        }
    }

    @Test
    void aWrongOrMalformedKeyIsRefused() {
        RestAssured.given().auth().oauth2(Api.operatorKey() + "x").get("/api/sources").then().statusCode(401)
                .body("error", equalTo("operator API key not accepted"));
        RestAssured.given().header("Authorization", "Basic " + Api.operatorKey()).get("/api/sources").then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer").get("/api/sources").then().statusCode(401);
    }

    @Test
    void theKeyOpensTheApi() {
        Api.given().get("/api/sources").then().statusCode(200);
        RestAssured.given().header("Authorization", "bearer " + Api.operatorKey()).get("/api/sources").then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        RestAssured.given().get("/q/health").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }
}
