package io.bioalert.ingest.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** REST calls the integration tests repeat. */
public final class Api {

    private Api() {
    }

    /** A request as the operator sends it: with the API key the test profile configures. */
    public static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(operatorKey());
    }

    public static String operatorKey() {
        return ConfigProvider.getConfig().getValue("bioalert.api.key", String.class);
    }

    public static long createSource(String name, String kind, String url) {
        return given().contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"kind\": \"%s\", \"url\": \"%s\", \"pollIntervalSeconds\": 600}".formatted(name, kind, url))
                .post("/api/sources").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static JsonPath poll(long sourceId) {
        return given().post("/api/sources/{id}/poll", sourceId).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath source(long sourceId) {
        return given().get("/api/sources/{id}", sourceId).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath announcement(String id) {
        return given().get("/api/announcements/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** The id of the one announcement the source stored with this title. */
    public static String idByTitle(String source, String title) {
        JsonPath page = given().queryParam("source", source).queryParam("size", 200).get("/api/announcements")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items.findAll { it.title == '%s' }.id".formatted(title.replace("'", "\\'")), String.class)
                .stream().findFirst().orElseThrow(() -> new AssertionError("no announcement titled " + title + " from " + source));
    }
}
