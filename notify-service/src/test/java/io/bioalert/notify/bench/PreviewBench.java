package io.bioalert.notify.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.model.TargetTag;
import io.bioalert.notify.matching.WatchFilter;
import io.bioalert.notify.preview.WatchlistPreview;
import io.bioalert.notify.taxonomy.Taxonomy;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Preview latency: {@code POST /api/watchlists/preview} over N stored announcements of the last 90 days
 * (-Dbench.announcements, 100,000), each about 1.5 KB of text with a few tags, for filters of each shape the
 * matcher treats apart. Timed over HTTP as a page sees it, after one call that loads the announcements into
 * memory (timed apart). Prints figures, asserts nothing. Run with {@code notify-service/bench}.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notify"), @ResourceArg(name = "smtp", value = "shared")})
class PreviewBench {

    private static final int ANNOUNCEMENTS = Integer.getInteger("bench.announcements", 100_000);
    private static final int RUNS = Integer.getInteger("bench.rounds", 5) * 20;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String[] WORDS = ("the company announced that patients with advanced solid tumours received "
            + "treatment in a phase trial and the data showed response rates with durable benefit across cohorts "
            + "including ovarian cancer gastric cancer lung cancer breast cancer the safety profile was manageable "
            + "investigators reported results at the congress and the regulator reviewed the application dose "
            + "escalation expansion cohort primary endpoint secondary endpoints progression free survival overall").split(" ");

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    @Inject
    WatchlistPreview inProcess;

    @Test
    void previewLatency() throws Exception {
        long t0 = System.nanoTime();
        store();
        System.out.printf("%nPREVIEW BENCH: %,d announcements stored in %,d ms%n", ANNOUNCEMENTS,
                (System.nanoTime() - t0) / 1_000_000);
        HttpClient http = HttpClient.newHttpClient();
        String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(root + "api/subscribers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"bench@example.org\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("target + event", "{\"targets\": [\"ERBB2\"], \"eventTypes\": [\"BREAKTHROUGH_THERAPY\"]}");
        filters.put("modality + event + agency", "{\"modalities\": [\"ADC\"], \"eventTypes\": [\"BREAKTHROUGH_THERAPY\"], "
                + "\"agencies\": [\"FDA\"]}");
        filters.put("agency only (broad)", "{\"agencies\": [\"FDA\"], \"includeHistory\": true}");
        filters.put("company", "{\"companies\": [\"Alphamab\"]}");
        filters.put("keyword + agency", "{\"keywords\": [\"ovarian cancer\"], \"agencies\": [\"NMPA\"]}");
        filters.put("keyword only", "{\"keywords\": [\"ovarian cancer\"]}");

        long load = System.nanoTime();
        String first = preview(http, token, filters.values().iterator().next());
        System.out.printf("PREVIEW BENCH: first call (reads and parses every stored announcement) %,d ms: %s%n",
                (System.nanoTime() - load) / 1_000_000, first.substring(0, Math.min(60, first.length())));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("PREVIEW BENCH: heap in use after GC %,d MB (whole test JVM)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        for (Map.Entry<String, String> f : filters.entrySet()) {
            for (int i = 0; i < 10; i++) {
                preview(http, token, f.getValue());
            }
            long[] nanos = new long[RUNS];
            String body = "";
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                body = preview(http, token, f.getValue());
                nanos[i] = System.nanoTime() - s;
            }
            print(f.getKey() + " (HTTP)", JSON.readTree(body).get("count").asInt(), nanos);
            // The same without HTTP, JSON and the token check: what the preview itself costs.
            WatchFilter filter = JSON.readValue(f.getValue(), WatchFilter.class);
            int count = 0;
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                count = inProcess.of(filter).count();
                nanos[i] = System.nanoTime() - s;
            }
            print(f.getKey() + " (in process)", count, nanos);
        }
    }

    private static void print(String label, int count, long[] nanos) {
        Arrays.sort(nanos);
        int n = nanos.length;
        System.out.printf("PREVIEW BENCH %-40s count %,7d  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms (%d runs)%n",
                label, count, nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, nanos[n - 1] / 1e6, n);
    }

    private String preview(HttpClient http, String token, String filter) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "api/watchlists/preview"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"filter\": " + filter + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Synthetic announcements, spread over the last 89 days, written straight into the announcement table. */
    private void store() throws Exception {
        Random random = new Random(42);
        List<String> targets = new ArrayList<>(new ArrayList<>(Taxonomy.TARGETS).subList(0, 59));
        targets.add("ERBB2");
        List<String> modalities = new ArrayList<>(Taxonomy.MODALITIES);
        List<String> events = new ArrayList<>(Taxonomy.EVENT_TYPES);
        List<String> agencies = new ArrayList<>(Taxonomy.AGENCIES);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO announcement (id, payload, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            c.setAutoCommit(false);
            for (int i = 0; i < ANNOUNCEMENTS; i++) {
                String id = "bench-preview-" + i;
                StringBuilder body = new StringBuilder(1600);
                while (body.length() < 1500) {
                    body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                String target = targets.get(random.nextInt(targets.size()));
                String event = events.get(random.nextInt(events.size()));
                String agency = agencies.get(random.nextInt(agencies.size()));
                String company = random.nextInt(50) == 0 ? "Alphamab Oncology" : "Company " + random.nextInt(5000);
                Instant received = now.minus(Duration.ofMinutes(random.nextInt(89 * 24 * 60)));
                RawAnnouncement raw = new RawAnnouncement(1, id, company + " news about " + target, body.toString(),
                        "https://news.example.org/" + id, List.of(), LocalDate.ofInstant(received, ZoneOffset.UTC), "bench",
                        received);
                Classification cl = new Classification(id, List.of(new TargetTag(target, target, target, null, null)),
                        List.of(new ModalityTag(modalities.get(random.nextInt(modalities.size())), "m", null, null)),
                        List.of(new EventTag(event, agency, random.nextInt(4) > 0, "e", null, null)),
                        List.of("BX-" + random.nextInt(20_000)), List.of(company), List.of(), List.of(), List.of());
                ps.setString(1, id);
                ps.setString(2, JSON.writeValueAsString(new ClassifiedAnnouncement(1, raw, cl, "bench", received)));
                ps.setTimestamp(3, Timestamp.from(received));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }
}
