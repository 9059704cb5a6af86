package io.bioalert.ingest.store;

import static io.bioalert.ingest.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.ingest.support.Api;
import io.bioalert.ingest.support.RawTopic;
import io.bioalert.testkit.RealInfrastructure;
import io.bioalert.testkit.ServiceTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The batch path against the real broker and PostgreSQL: duplicates inside one batch, the same stories in
 * concurrent batches and in the writers of several instances, and concurrent single pushes sharing one
 * transaction.
 */
@QuarkusTest
@RealInfrastructure
@WithTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class BatchPushTest {

    private static final String[] WORDS = ("antibody conjugate receptor kinase inhibitor trial cohort dose patients "
            + "approval filing agency priority review oncology tumor survival endpoint interim data safety partner "
            + "license milestone royalty platform pipeline manufacturing launch quarter guidance").split(" ");

    @Inject
    DataSource dataSource;

    @Inject
    GroupCommit groupCommit;

    @Inject
    BatchWriter batchWriter;

    @Inject
    MeterRegistry registry;

    /** A story of about 120 words of its own, so that only its deliberate copies repeat it. */
    private static String body(String run, int n) {
        Random random = new Random(run.hashCode() * 31L + n);
        StringBuilder text = new StringBuilder("Gamma Bio update " + n + " of run " + run + ".");
        for (int i = 0; i < 120; i++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private static Map<String, Object> item(String body, String url) {
        Map<String, Object> item = new HashMap<>(Map.of("title", "Gamma Bio news", "body", body, "source", "batch-test"));
        if (url != null) {
            item.put("url", url);
        }
        return item;
    }

    @Test
    void copiesInsideOneBatchAreOneAnnouncementPublishedOnceWithEveryUrl() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String site = "https://batch.example.org/" + run;
        String story = body(run, 1);
        String nearCopy = "BOSTON (Wire) -- " + story.replace("Gamma Bio update", "Gamma Bio said in its update")
                + " Source: Gamma Bio press release.";
        JsonPath results = given().contentType(ContentType.JSON).body(List.of(
                        item(story, site + "/1"),
                        item(body(run, 2), site + "/1?utm_source=feed#top"),  // the same URL
                        item(story.toUpperCase(), site + "/mirror"),          // the same words elsewhere
                        item(body(run, 3), null),
                        item(body(run, 3), null),                             // the same text, no URL
                        item(nearCopy, site + "/wire")))                     // another outlet's edit
                .post("/api/announcements/batch")
                .then().statusCode(202).extract().jsonPath();

        List<String> ids = results.getList("id", String.class);
        assertThat(results.getList("duplicate", Boolean.class)).containsExactly(false, true, true, false, true, true);
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(ids.get(2)).isEqualTo(ids.get(0));
        assertThat(ids.get(4)).isEqualTo(ids.get(3));
        assertThat(ids.get(5)).isEqualTo(ids.get(0));

        List<String> urls = List.of(site + "/1", site + "/mirror", site + "/wire");
        assertThat(Api.announcement(ids.get(0)).getList("urls", String.class)).containsExactlyElementsOf(urls);
        List<ConsumerRecord<String, String>> first = RawTopic.withKey(ids.get(0));
        assertThat(first).singleElement().extracting(ConsumerRecord::value).asString()
                .contains(urls.stream().map(u -> "\"" + u + "\"").toArray(String[]::new));
        assertThat(RawTopic.countWithKey(ids.get(3))).isEqualTo(1);
    }

    @Test
    void concurrentBatchesOfTheSameStoriesStoreAndPublishEachOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> stories = IntStream.range(0, 60)
                .mapToObj(i -> item(body(run, i), i % 3 == 0 ? null : "https://race.example.org/" + run + "/" + i))
                .toList();
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Map<String, Object>>>> answers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, stories.size()).boxed().toList());
            Collections.shuffle(order, new Random(c));
            answers.add(pool.submit(() -> {
                JsonPath answer = given().contentType(ContentType.JSON).body(order.stream().map(stories::get).toList())
                        .post("/api/announcements/batch").then().statusCode(202).extract().jsonPath();
                List<Map<String, Object>> byStory = new ArrayList<>(Collections.nCopies(stories.size(), null));
                for (int k = 0; k < order.size(); k++) {
                    byStory.set(order.get(k), answer.getMap("[" + k + "]"));
                }
                return byStory;
            }));
        }
        pool.shutdown();
        List<List<Map<String, Object>>> byClient = new ArrayList<>();
        for (Future<List<Map<String, Object>>> answer : answers) {
            byClient.add(answer.get());
        }

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < stories.size(); i++) {
            int story = i;
            List<Map<String, Object>> forStory = byClient.stream().map(answer -> answer.get(story)).toList();
            assertThat(forStory).extracting(r -> r.get("id")).as("story %d", i).containsOnly(forStory.get(0).get("id"));
            assertThat(forStory).filteredOn(r -> Boolean.FALSE.equals(r.get("duplicate"))).as("story %d", i).hasSize(1);
            ids.add((String) forStory.get(0).get("id"));
        }
        assertThat(ids).hasSize(stories.size());
        assertThat(storedWithSource("batch-test", ids)).isEqualTo(stories.size());
        Map<String, Long> published = new HashMap<>();
        RawTopic.all().stream().filter(r -> ids.contains(r.key())).forEach(r -> published.merge(r.key(), 1L, Long::sum));
        assertThat(published).hasSize(stories.size()).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    @Test
    void writersOfSeveralInstancesStoringCopiesOfTheSameStoriesStoreEachOnce() throws Exception {
        // Each writer (one per instance) has every story under a URL of its own: only the content check
        // can tell they are one, and only the store lock keeps two writers from both finding nothing.
        String run = UUID.randomUUID().toString().substring(0, 8);
        int writers = 4;
        int count = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<IngestResult>>> answers = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            List<PreparedStory> copies = IntStream.range(0, count).mapToObj(i -> PreparedStory.of(new Story(
                    "Gamma Bio news", body(run, i), "https://outlet-" + writer + ".example.org/" + run + "/" + i, null,
                    "batch-test"))).toList();
            answers.add(pool.submit(() -> batchWriter.store(copies)));
        }
        pool.shutdown();
        List<List<IngestResult>> byWriter = new ArrayList<>();
        for (Future<List<IngestResult>> answer : answers) {
            byWriter.add(answer.get());
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int story = i;
            List<IngestResult> forStory = byWriter.stream().map(results -> results.get(story)).toList();
            assertThat(forStory).extracting(IngestResult::id).as("story %d", i).containsOnly(forStory.get(0).id());
            assertThat(forStory).filteredOn(r -> !r.duplicate()).as("story %d", i).hasSize(1);
            ids.add(forStory.get(0).id());
        }
        assertThat(storedWithSource("batch-test", ids)).isEqualTo(count);
        assertThat(Api.announcement(ids.iterator().next()).getList("urls", String.class)).hasSize(writers);
    }

    @Test
    void concurrentSinglePushesWaitingForTheWriterShareOneTransaction() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int clients = 8;
        long transactionsBefore = storeTransactions();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> ids = new ArrayList<>();
        // Another instance's store transaction holds the lock: the writer's first group waits for it, and every
        // push that arrives meanwhile queues up behind.
        try (Connection other = dataSource.getConnection()) {
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, BatchWriter.STORE_LOCK);
                lock.execute();
            }
            for (int c = 0; c < clients; c++) {
                int n = c;
                ids.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .body(item(body(run, n), "https://group.example.org/" + run + "/" + n))
                        .post("/api/announcements").then().statusCode(202).extract().<String>path("id")));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> groupCommit.pending() == clients);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> writerWaitsForTheLock(other));
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, BatchWriter.STORE_LOCK);
                unlock.execute();
            }
        }
        pool.shutdown();
        Set<String> stored = new HashSet<>();
        for (Future<String> id : ids) {
            stored.add(id.get());
        }
        assertThat(stored).hasSize(clients);
        // The group that was waiting, and one more for everything queued behind it.
        long transactions = storeTransactions() - transactionsBefore;
        assertThat(transactions).isBetween(1L, 2L);
        assertThat(storedWithSource("batch-test", stored)).isEqualTo(clients);
    }

    private long storeTransactions() {
        var summary = registry.find("bioalert.ingest.store.batch.stories").summary();
        return summary == null ? 0 : summary.count(); // registered with the writer, at the first story stored
    }

    private static boolean writerWaitsForTheLock(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private long storedWithSource(String source, Set<String> ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM announcement WHERE source = ? AND id = ANY(?)")) {
            ps.setString(1, source);
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
