package io.bioalert.notify.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.notify.channel.TestJobs;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.delivery.Notice;
import io.bioalert.notify.flow.TestAnnouncements;
import io.bioalert.notify.watchlist.Destination;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The webhook bodies keep the fields receivers of earlier releases read, in their order. */
class WebhookPayloadsTest {

    private static final String URL = "https://hooks.example.com/bioalert";

    @Test
    void anAlertHasTheFieldsOfEarlierReleasesWithTheAnnouncementAsPublished() throws Exception {
        ClassifiedAnnouncement a = TestAnnouncements.her2Btd("JSKN003");
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, URL, "s", a);

        JsonNode body = TestJobs.JSON.readTree(WebhookPayloads.bytes(WebhookPayloads.alert(job)));

        assertThat(fieldNames(body)).containsExactly("type", "deliveryId", "watchlist", "reasons", "announcement");
        assertThat(body.get("type").asText()).isEqualTo("alert");
        assertThat(body.get("deliveryId").asText()).isEqualTo(job.deliveryId().toString());
        assertThat(fieldNames(body.get("watchlist"))).containsExactly("id", "name", "filter");
        assertThat(body.get("watchlist").get("id").asText()).isEqualTo(job.watchlistId().toString());
        assertThat(body.get("watchlist").get("name").asText()).isEqualTo("HER2 ADC");
        assertThat(body.get("watchlist").get("filter")).isEqualTo(TestJobs.JSON.readTree(TestJobs.FILTER));
        assertThat(body.get("reasons").get(0).get("evidence").asText()).isEqualTo("biparatopic HER2-targeting");
        assertThat(body.get("announcement")).isEqualTo(TestJobs.JSON.readTree(job.announcementJson()));
        assertThat(TestJobs.JSON.treeToValue(body.get("announcement"), ClassifiedAnnouncement.class).announcement().title())
                .isEqualTo(a.announcement().title());
    }

    @Test
    void missingReasonsAndFilterAreEmptyNotNull() throws Exception {
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, URL, "s", TestAnnouncements.her2Btd("X"));
        DeliveryJob bare = new DeliveryJob(job.deliveryId(), 1, null, job.announcementId(), job.announcementJson(),
                job.announcement(), job.destinationId(), job.channel(), URL, "s", "ACTIVE", null, null, job.watchlistId(),
                "w", null, false, null, false);

        JsonNode body = TestJobs.JSON.readTree(WebhookPayloads.bytes(WebhookPayloads.alert(bare)));

        assertThat(body.get("reasons").isArray()).isTrue();
        assertThat(body.get("reasons")).isEmpty();
        assertThat(body.get("watchlist").get("filter").isObject()).isTrue();
    }

    @Test
    void aNameWithQuotesAndChineseTextStaysValidUtf8Json() throws Exception {
        ClassifiedAnnouncement a = TestAnnouncements.her2BtdChineseNews();
        DeliveryJob job = TestJobs.alert(Destination.Type.WEBHOOK, URL, "s", a);
        DeliveryJob named = new DeliveryJob(job.deliveryId(), 1, job.reasonsJson(), job.announcementId(),
                job.announcementJson(), job.announcement(), job.destinationId(), job.channel(), URL, "s", "ACTIVE", null,
                null, job.watchlistId(), "\"HER2\" </script> 抗体", job.filterJson(), false, null, false);

        byte[] bytes = WebhookPayloads.bytes(WebhookPayloads.alert(named));

        JsonNode body = TestJobs.JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        assertThat(body.get("watchlist").get("name").asText()).isEqualTo("\"HER2\" </script> 抗体");
        assertThat(body.get("announcement").get("announcement").get("title").asText()).isEqualTo(a.announcement().title());
    }

    @Test
    void aDigestListsEachDeliveryWithItsReasonsAndAnnouncement() throws Exception {
        DeliveryJob first = TestJobs.alert(Destination.Type.WEBHOOK, URL, "s", TestAnnouncements.her2Btd("A-1"));
        DeliveryJob second = TestJobs.alert(Destination.Type.WEBHOOK, URL, "s", TestAnnouncements.her2PriorityReview("A-1"));

        JsonNode body = TestJobs.JSON.readTree(WebhookPayloads.bytes(WebhookPayloads.digest("dg-1", List.of(first, second))));

        assertThat(fieldNames(body)).containsExactly("type", "digestId", "watchlist", "items");
        assertThat(body.get("type").asText()).isEqualTo("digest");
        assertThat(body.get("digestId").asText()).isEqualTo("dg-1");
        assertThat(body.get("items")).hasSize(2);
        assertThat(fieldNames(body.get("items").get(1))).containsExactly("deliveryId", "reasons", "announcement");
        assertThat(body.get("items").get(1).get("deliveryId").asText()).isEqualTo(second.deliveryId().toString());
        assertThat(body.get("items").get(1).get("announcement").get("announcement").get("title").asText())
                .isEqualTo(second.announcement().get().announcement().title());
    }

    @Test
    void aNoticeCarriesItsTypeTheCommonFieldsAndItsDataAsTheyAre() throws Exception {
        ObjectNode data = TestJobs.JSON.createObjectNode();
        data.putObject("catalyst").put("drug", "CVT-2291").put("date", "2027-12-12");
        data.put("daysBefore", 7);
        Notice notice = new Notice("catalyst_reminder", "In 7 days: CVT-2291 PDUFA date (FDA)",
                List.of("PDUFA on 2027-12-12"), null, data);
        DeliveryJob job = TestJobs.notice(Destination.Type.WEBHOOK, URL, "s", notice);

        JsonNode body = TestJobs.JSON.readTree(WebhookPayloads.bytes(WebhookPayloads.notice(job)));

        assertThat(fieldNames(body)).containsExactly("type", "deliveryId", "watchlist", "subject", "lines", "url",
                "catalyst", "daysBefore");
        assertThat(body.get("type").asText()).isEqualTo("catalyst_reminder");
        assertThat(body.get("url").isNull()).isTrue();
        assertThat(body.get("lines").get(0).asText()).isEqualTo("PDUFA on 2027-12-12");
        assertThat(body.get("catalyst").get("drug").asText()).isEqualTo("CVT-2291");
        assertThat(body.get("daysBefore").asInt()).isEqualTo(7);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
