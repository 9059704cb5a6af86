package io.bioalert.ingest.announcement;

import static io.bioalert.ingest.support.Api.given;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class AnnouncementPushTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

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
    void batchReturnsOneResultPerStoryInOrderAndNamesTheBadItem() {
        String run = UUID.randomUUID().toString();
        String first = "https://batch.example.org/" + run + "/1";
        var results = given().contentType(ContentType.JSON).body(List.of(
                        Map.of("title", "Batch one " + run, "body", "Gamma Bio announced item one " + run, "url", first),
                        Map.of("title", "Batch two " + run, "body", "Gamma Bio announced item two " + run),
                        Map.of("body", "Gamma Bio announced item one " + run, "url", first + "?utm_source=x")))
                .post("/api/announcements/batch")
                .then().statusCode(202).extract().jsonPath();
        assertThat(results.getList("duplicate", Boolean.class)).containsExactly(false, false, true);
        assertThat(results.getString("[2].id")).isEqualTo(results.getString("[0].id"));

        given().contentType(ContentType.JSON).body(List.of(Map.of("body", "fine"), Map.of("title", "no body")))
                .post("/api/announcements/batch")
                .then().statusCode(400).body("fields[0].field", equalTo("[1].body"));
        given().contentType(ContentType.JSON).body(List.of()).post("/api/announcements/batch").then().statusCode(400);
    }

    @Test
    void pushedHtmlAndTextAreCleanedAndDatedFromTheText() {
        String run = UUID.randomUUID().toString();
        String id = given().contentType(ContentType.JSON).body(Map.of("body", """
                        Home > News
                        Delta Bio wins approval %s

                        Release Date:2025/03/07
                        Font Size
                        Delta Bio announced approval of its drug for a rare disease.
                        Stay Connected
                        Sign up to our free newsletter and get the latest news""".formatted(run)))
                .post("/api/announcements").then().statusCode(202).extract().path("id");
        given().get("/api/announcements/{id}", id).then().statusCode(200)
                .body("title", equalTo("Delta Bio wins approval " + run))
                .body("publishedAt", equalTo("2025-03-07"))
                .body("body", equalTo("Delta Bio announced approval of its drug for a rare disease."))
                .body("source", equalTo("push"));
    }

    @Test
    void listIsPagedNewestFirstAndFiltered() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("title", "Listed " + run + " " + i,
                            "body", "Epsilon Bio update number " + i + " of run " + run, "source", "list-" + run,
                            "publishedAt", "2025-0" + (i + 1) + "-15"))
                    .post("/api/announcements").then().statusCode(202);
        }
        given().queryParam("source", "list-" + run).queryParam("size", 2).get("/api/announcements")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2))
                .body("items[0].title", equalTo("Listed " + run + " 2"));
        given().queryParam("source", "list-" + run).queryParam("size", 2).queryParam("page", 1).get("/api/announcements")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].title", equalTo("Listed " + run + " 0"));
        given().queryParam("q", "NUMBER 1 of run " + run).get("/api/announcements")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].title", equalTo("Listed " + run + " 1"));
        given().queryParam("source", "list-" + run).queryParam("from", "2025-02-01").queryParam("to", "2025-02-28")
                .get("/api/announcements").then().statusCode(200).body("total", equalTo(1));
        given().queryParam("size", 1000).get("/api/announcements").then().statusCode(400);
    }

    @Test
    void storyStoredButNotPublishedBeforeACrashIsPublishedByTheSweep() throws Exception {
        String id = "t-crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "INSERT INTO announcement (id, title, body, url, published_at, source, ingested_at)"
                        + " VALUES (?, 'Stored before a crash', 'Zeta Bio body', 'https://zeta.example.com/a', DATE '2025-04-01',"
                        + " 'push', now() - interval '2 minutes')")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "INSERT INTO announcement_url (url, announcement_id, source, seen_at) VALUES"
                        + " ('https://zeta.example.com/a', ?, 'push', now()), ('https://zeta-copy.example.com/a', ?, 'other', now())")) {
            s.setString(1, id);
            s.setString(2, id);
            s.executeUpdate();
        }

        var records = kafka.readUntil(Topics.RAW, Duration.ofSeconds(30), r -> id.equals(r.key()));
        assertThat(records).isNotEmpty();
        assertThat(records.get(records.size() - 1).value()).contains("Stored before a crash", "zeta-copy.example.com");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "SELECT published_to_kafka_at FROM announcement WHERE id = ?")) {
                s.setString(1, id);
                var rs = s.executeQuery();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getTimestamp(1)).isNotNull();
            }
        });
    }

    @Test
    void unknownAnnouncementIsA404() {
        given().get("/api/announcements/{id}", "u-doesnotexist").then().statusCode(404);
    }
}
