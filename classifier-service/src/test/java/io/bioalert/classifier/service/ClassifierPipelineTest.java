package io.bioalert.classifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.Topics;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.KafkaTestClient;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** raw → classifier → classified and raw.dlq, against the real broker. */
@QuarkusTest
@RealInfrastructure
@WithTestResource(ServiceTestResource.class)
class ClassifierPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTestClient kafka = new KafkaTestClient(Infrastructure.shared().kafkaBootstrapServers());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void rawAnnouncementComesOutClassifiedUnderTheSameKey() throws Exception {
        String id = "t-" + UUID.randomUUID();
        kafka.send(Topics.RAW, id, rawJson(id, "Nordwind Bio Receives FDA Breakthrough Therapy Designation for NW-117",
                "Nordwind Bio today announced that the U.S. Food and Drug Administration (FDA) has granted "
                        + "Breakthrough Therapy Designation to NW-117, a HER2-targeting antibody-drug conjugate (ADC), "
                        + "for HER2-positive gastric cancer."));

        ConsumerRecord<String, String> out = last(kafka.readUntil(Topics.CLASSIFIED, WAIT, r -> id.equals(r.key())));
        JsonNode doc = json.readTree(out.value());
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.path("classifierVersion").asText()).isNotBlank();
        assertThat(doc.path("announcement").path("id").asText()).isEqualTo(id);
        JsonNode c = doc.path("classification");
        assertThat(ids(c.path("targets"), "id")).containsExactly("ERBB2");
        assertThat(ids(c.path("modalities"), "id")).containsExactly("ADC");
        assertThat(c.path("events").get(0).path("type").asText()).isEqualTo("BREAKTHROUGH_THERAPY");
        assertThat(c.path("events").get(0).path("agency").asText()).isEqualTo("FDA");
        assertThat(c.path("events").get(0).path("primary").asBoolean()).isTrue();
    }

    @Test
    void malformedJsonGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() throws Exception {
        String badKey = "bad-" + UUID.randomUUID();
        kafka.send(Topics.RAW, badKey, "{\"id\": \"" + badKey + "\", \"body\": ");
        String goodId = "t-" + UUID.randomUUID();
        kafka.send(Topics.RAW, goodId, rawJson(goodId, null, "Vela Oncology announced that the NMPA has approved "
                + "the IND application of VL-22, a TROP2-directed ADC."));

        ConsumerRecord<String, String> dead = last(kafka.readUntil(Topics.RAW_DLQ, WAIT, r -> badKey.equals(r.key())));
        assertThat(dead.value()).isEqualTo("{\"id\": \"" + badKey + "\", \"body\": ");
        assertThat(header(dead, "dead-letter-reason")).contains("not a RawAnnouncement JSON document");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.RAW);

        assertThat(kafka.readUntil(Topics.CLASSIFIED, WAIT, r -> goodId.equals(r.key()))).isNotEmpty();
    }

    @Test
    void announcementWithoutBodyOrTooLongIsDeadLetteredWithTheReason() {
        String noBody = "t-" + UUID.randomUUID();
        kafka.send(Topics.RAW, noBody, "{\"schemaVersion\":1,\"id\":\"" + noBody + "\",\"title\":\"only a title\"}");
        String tooLong = "t-" + UUID.randomUUID();
        kafka.send(Topics.RAW, tooLong, rawJson(tooLong, null, "x".repeat(1_000_001)));

        assertThat(header(last(kafka.readUntil(Topics.RAW_DLQ, WAIT, r -> noBody.equals(r.key()))),
                "dead-letter-reason")).contains("body is missing");
        assertThat(header(last(kafka.readUntil(Topics.RAW_DLQ, WAIT, r -> tooLong.equals(r.key()))),
                "dead-letter-reason")).contains("1000001 characters");
    }

    private String rawJson(String id, String title, String body) {
        var node = json.createObjectNode().put("schemaVersion", 1).put("id", id).put("body", body)
                .put("publishedAt", "2026-05-04").put("source", "test");
        if (title != null) {
            node.put("title", title);
        }
        return node.toString();
    }

    private static List<String> ids(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static ConsumerRecord<String, String> last(List<ConsumerRecord<String, String>> records) {
        assertThat(records).as("the expected record arrived").isNotEmpty();
        return records.get(records.size() - 1);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
