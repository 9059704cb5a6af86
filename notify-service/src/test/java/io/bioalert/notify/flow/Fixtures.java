package io.bioalert.notify.flow;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.model.TargetTag;
import io.bioalert.model.Topics;
import io.bioalert.testkit.Infrastructure;
import io.bioalert.testkit.KafkaTestClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers: sign-up, watchlists through the REST API, classified announcements on Kafka, mail in GreenMail. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final KafkaTestClient KAFKA = new KafkaTestClient(Infrastructure.shared().kafkaBootstrapServers());

    private Fixtures() {
    }

    /**
     * @return the bearer token of a new subscriber, signed up from an address of its own (forwarded, as a
     *         proxy would), so that the sign-up quota per client address is never what a test meets
     */
    static String signUp() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", clientAddress())
                .body("{\"email\": \"owner-" + UUID.randomUUID() + "@example.org\", \"name\": \"Test\"}")
                .post("/api/subscribers").then().statusCode(201).extract().path("token");
    }

    /** A client address from the benchmarking range (198.18.0.0/15), different each time. */
    static String clientAddress() {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 17);
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static JsonPath createWatchlist(String token, String body) {
        return given().contentType(ContentType.JSON).header("Authorization", bearer(token)).body(body)
                .post("/api/watchlists").then().statusCode(201).extract().jsonPath();
    }

    static String webhook(String url, String secret) {
        return "{\"type\": \"WEBHOOK\", \"url\": \"" + url + "\", \"secret\": \"" + secret + "\"}";
    }

    static String email(String address) {
        return "{\"type\": \"EMAIL\", \"email\": \"" + address + "\"}";
    }

    static String watchlist(String name, String filter, String digest, String... destinations) {
        return "{\"name\": \"" + name + "\", \"filter\": " + filter + ", \"digest\": \"" + digest
                + "\", \"destinations\": [" + String.join(",", destinations) + "]}";
    }

    static ClassifiedAnnouncement her2Btd(String drug) {
        return TestAnnouncements.her2Btd(drug);
    }

    static String publish(ClassifiedAnnouncement a) {
        try {
            String value = JSON.writeValueAsString(a);
            KAFKA.send(Topics.CLASSIFIED, a.id(), value);
            return value;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(Infrastructure.shared().smtp().receivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients())
                        .anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The confirm link from an opt-in mail, as its header carries it; the text part carries the same. */
    static String confirmPath(MimeMessage m) {
        String url = header(m, "X-BioAlert-Confirm-Url");
        Matcher matcher = Pattern.compile("/api/confirm/[A-Za-z0-9_-]+").matcher(url);
        if (!matcher.find()) {
            throw new AssertionError("no confirm link in " + url);
        }
        return matcher.group();
    }
}
