package io.bioalert.ingest.publish;

import static io.bioalert.ingest.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.Api;
import io.bioalert.ingest.support.RawTopic;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.testkit.EmbeddedKafka;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A stored announcement larger than Kafka takes can never be published. It is marked poisoned with the
 * broker's reason, shown to operators, and skipped: the good rows stored after it still go out. Real
 * broker (8 MiB limit, as the producer's max.request.size), real PostgreSQL, the real REST API.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class PoisonRowsTest {

    /** Past the producer's and the broker's limit once serialised. */
    private static final int TOO_LARGE = EmbeddedKafka.MAX_MESSAGE_BYTES + 512 * 1024;

    @Inject
    PublishSweep sweep;

    @Inject
    DataSource dataSource;

    @Test
    void theSweepMarksTheOversizedRowAndPublishesTheGoodOnesBehindIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String source = "poison-" + tag;
        long sourceId = Api.createSource(source, "FEED", "https://poison-" + tag + ".example.org/rss.xml");
        // Oldest first, as the sweep takes them: the bad row leads, three good ones follow.
        String bad = "poison-" + tag + "-big";
        List<String> good = List.of("poison-" + tag + "-1", "poison-" + tag + "-2", "poison-" + tag + "-3");
        store(bad, source, "x".repeat(TOO_LARGE), 40);
        for (int i = 0; i < good.size(); i++) {
            store(good.get(i), source, "A good story number " + i + " of run " + tag + ".", 30 - i);
        }

        sweep.sweep(Duration.ZERO);

        for (String id : good) {
            assertThat(RawTopic.countWithKey(id)).as("published " + id).isEqualTo(1);
            assertThat(publishedAt(id)).as("marked published " + id).isTrue();
        }
        assertThat(publishedAt(bad)).isFalse();
        assertThat(RawTopic.countWithKey(bad)).isZero();

        JsonPath view = Api.source(sourceId);
        assertThat(view.getLong("poisonedStories")).isEqualTo(1);
        assertThat(view.getString("lastPoisonReason")).contains("RecordTooLargeException").contains("max.request.size");
        JsonPath listed = poisonedListing();
        String item = "items.findAll { it.source == '%s' }".formatted(source);
        assertThat(listed.getList(item + ".id", String.class)).containsExactly(bad);
        assertThat(listed.getString(item + "[0].reason")).contains("RecordTooLargeException");
        assertThat(listed.getString(item + "[0].poisonedAt")).isNotBlank();

        // Never offered again, and the channel is still healthy for the rows that come next.
        List<RawAnnouncement> claimed = sweep.claimUnpublished(1000, Duration.ZERO, Duration.ofMinutes(2));
        release(claimed); // whatever else was waiting stays the scheduled sweep's
        assertThat(claimed).extracting(RawAnnouncement::id).doesNotContain(bad);
        RestAssured.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anImportWithOneOversizedFileStoresAllAndPublishesTheGoodFiles() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder huge = new StringBuilder("Poison Bio files a story too large for Kafka " + tag + "\n\n");
        for (int line = 0; huge.length() < TOO_LARGE; line++) {
            huge.append("Line ").append(line).append(" of a report that no broker here will take, run ").append(tag).append(".\n");
        }
        RequestSpecification upload = given()
                .multiPart("file", "first.txt", story(tag, "first"), "text/plain")
                .multiPart("file", "huge.txt", huge.toString().getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "last.txt", story(tag, "last"), "text/plain");
        List<Map<String, Object>> results = upload.post("/api/imports").then().statusCode(200)
                .extract().jsonPath().getList("$");

        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.get("error")).isNull());
        String first = (String) results.get(0).get("id");
        String big = (String) results.get(1).get("id");
        String last = (String) results.get(2).get("id");
        assertThat(RawTopic.countWithKey(first)).isEqualTo(1);
        assertThat(RawTopic.countWithKey(last)).isEqualTo(1);
        assertThat(RawTopic.countWithKey(big)).isZero();
        JsonPath poisoned = poisonedListing();
        assertThat(poisoned.getList("items.id", String.class)).contains(big).doesNotContain(first, last);
        assertThat(poisoned.getString("items.find { it.id == '%s' }.reason".formatted(big))).contains("max.request.size");
        assertThat(poisoned.getString("items.find { it.id == '%s' }.source".formatted(big))).isEqualTo("import");
    }

    private static byte[] story(String tag, String which) {
        return ("Poison Bio " + which + " story of run " + tag + "\n\nPoison Bio announced that the " + which
                + " patient has been dosed in study " + tag + " of PB-" + which + ", an oral small molecule.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonPath poisonedListing() {
        return given().queryParam("size", 200).get("/api/announcements/poisoned").then().statusCode(200)
                .extract().jsonPath();
    }

    private void release(List<RawAnnouncement> claimed) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE announcement SET publish_claimed_until = NULL WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", claimed.stream().map(RawAnnouncement::id).toArray()));
            ps.executeUpdate();
        }
    }

    private void store(String id, String source, String body, int secondsAgo) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO announcement (id, title, body, source, ingested_at)
                VALUES (?, 'poison test', ?, ?, now() - ? * interval '1 second')""")) {
            ps.setString(1, id);
            ps.setString(2, body);
            ps.setString(3, source);
            ps.setInt(4, secondsAgo);
            ps.executeUpdate();
        }
    }

    private boolean publishedAt(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT published_to_kafka_at IS NOT NULL FROM announcement WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row " + id).isTrue();
                return rs.getBoolean(1);
            }
        }
    }
}
