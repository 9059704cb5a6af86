package io.bioalert.ingest.announcement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.bioalert.model.Topics;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.KafkaTestClient;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class AnnouncementPushTest {

    private final KafkaTestClient kafka = new KafkaTestClient(Infrastructure.shared().kafkaBootstrapServers());

    @Test
    void pushedStoryIsStoredAndPublishedKeyedById() {
        String url = "https://news.example.org/releases/" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON)
                .body("""
                        {"title": "FDA grants Fast Track to XYZ-101",
                         "body": "Acme Bio announced that XYZ-101 received Fast Track Designation.",
                         "url": "%s?utm_source=feed", "publishedAt": "2026-03-02", "source": "acme-press"}
                        """.formatted(url))
                .post("/api/announcements")
                .then().statusCode(202).body("duplicate", equalTo(false)).body("id", notNullValue())
                .extract().path("id");

        var records = kafka.readUntil(Topics.RAW, Duration.ofSeconds(20), r -> id.equals(r.key()));
        assertThat(records).isNotEmpty();
        ConsumerRecord<String, String> record = records.get(records.size() - 1);
        assertThat(record.value())
                .contains("\"schemaVersion\":1")
                .contains("\"publishedAt\":\"2026-03-02\"")
                .contains("XYZ-101 received Fast Track")
                .contains("\"url\":\"" + url + "\"");

        given().get("/api/announcements/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("FDA grants Fast Track to XYZ-101"))
                .body("urls", hasItem(url))
                .body("source", equalTo("acme-press"));
    }

    @Test
    void sameStoryTwiceIsOneAnnouncement() {
        String url = "https://news.example.org/releases/" + UUID.randomUUID();
        String body = "{\"body\": \"Beta Pharma announced an IND clearance.\", \"url\": \"%s\"}";
        String first = given().contentType(ContentType.JSON).body(body.formatted(url))
                .post("/api/announcements").then().statusCode(202).extract().path("id");
        given().contentType(ContentType.JSON).body(body.formatted(url + "/?utm_campaign=x#top"))
                .post("/api/announcements")
                .then().statusCode(202).body("id", equalTo(first)).body("duplicate", equalTo(true));
    }

    @Test
    void missingBodyIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"title\": \"no body\"}")
                .post("/api/announcements")
                .then().statusCode(400).body("fields[0].field", equalTo("body"));
    }

    @Test
    void badUrlIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"body\": \"text\", \"url\": \"ftp://x\"}")
                .post("/api/announcements")
                .then().statusCode(400).body("fields[0].field", equalTo("url"));
    }

    @Test
    void malformedJsonIsA400() {
        given().contentType(ContentType.JSON).body("{\"body\": ")
                .post("/api/announcements")
                .then().statusCode(400);
    }

    @Test
    void unknownAnnouncementIsA404() {
        given().get("/api/announcements/{id}", "u-doesnotexist").then().statusCode(404);
    }
}
