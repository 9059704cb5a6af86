package io.bioalert.ingest.store;

import io.bioalert.ingest.dedup.Fingerprint;
import io.bioalert.ingest.dedup.MinHash;
import io.bioalert.ingest.store.KnownStories.Candidate;
import io.bioalert.model.RawAnnouncement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch writes, decided in memory from what the database already knows ({@link KnownStories}) and
 * from the batch's own earlier stories, by the same rules a single story always followed, in this order:
 * <ol>
 * <li>a URL seen before (stored, or earlier in this batch) is that story;</li>
 * <li>an id stored before (or earlier in this batch) is that story;</li>
 * <li>the same words, or a near copy, of a stored story or of an earlier story of this batch is that story,
 * the most similar one if several; the copy's URL is recorded on it;</li>
 * <li>anything else is a new announcement.</li>
 * </ol>
 * So a batch that carries one story twice (same URL, same text, a syndicated copy) stores it once, exactly
 * as two pushes one after the other would have. Plain Java: no database, no framework.
 */
public final class BatchPlan {

    /** A URL to record: the announcement it belongs to and the source it was seen at. */
    record UrlRow(String url, String announcementId, String source) {
    }

    private final List<IngestResult> results = new ArrayList<>();
    private final Map<String, PreparedStory> created = new LinkedHashMap<>();
    private final Map<String, List<String>> createdUrls = new HashMap<>();
    private final List<UrlRow> urlRows = new ArrayList<>();
    private final Map<String, String> batchUrls = new HashMap<>();
    private final Map<String, List<Candidate>> batchHashes = new HashMap<>();
    private final Map<Long, List<Candidate>> batchBands = new HashMap<>();

    private BatchPlan() {
    }

    public static BatchPlan of(List<PreparedStory> stories, KnownStories known) {
        BatchPlan plan = new BatchPlan();
        stories.forEach(s -> plan.add(s, known));
        return plan;
    }

    private void add(PreparedStory story, KnownStories known) {
        if (story.url() != null) {
            String owner = batchUrls.containsKey(story.url()) ? batchUrls.get(story.url()) : known.urlOwner(story.url());
            if (owner != null) {
                results.add(new IngestResult(owner, true));
                return;
            }
        }
        String same = created.containsKey(story.id()) || known.hasId(story.id()) ? story.id()
                : sameStory(story.fingerprint(), known);
        if (same != null) {
            if (story.url() != null) {
                recordUrl(story.url(), same, story.source());
            }
            results.add(new IngestResult(same, true));
            return;
        }
        created.put(story.id(), story);
        createdUrls.put(story.id(), new ArrayList<>());
        if (story.url() != null) {
            recordUrl(story.url(), story.id(), story.source());
        }
        Fingerprint fp = story.fingerprint();
        Candidate self = new Candidate(story.id(), fp.contentHash(), fp.minhash(), fp.tokens());
        batchHashes.computeIfAbsent(fp.contentHash(), k -> new ArrayList<>()).add(self);
        if (fp.nearCandidate()) {
            int[] bands = fp.bands();
            for (int b = 0; b < bands.length; b++) {
                batchBands.computeIfAbsent(KnownStories.bandKey(b, bands[b]), k -> new ArrayList<>()).add(self);
            }
        }
        results.add(new IngestResult(story.id(), false));
    }

    private void recordUrl(String url, String announcementId, String source) {
        urlRows.add(new UrlRow(url, announcementId, source));
        batchUrls.put(url, announcementId);
        List<String> urls = createdUrls.get(announcementId);
        if (urls != null) {
            urls.add(url);
        }
    }

    /** The stored or earlier story this one repeats, the most similar if several (same words first); or null. */
    private String sameStory(Fingerprint fp, KnownStories known) {
        List<Candidate> candidates = new ArrayList<>(known.withHash(fp.contentHash()));
        candidates.addAll(batchHashes.getOrDefault(fp.contentHash(), List.of()));
        if (fp.nearCandidate()) {
            int[] bands = fp.bands();
            for (int b = 0; b < bands.length; b++) {
                candidates.addAll(known.withBand(b, bands[b]));
                candidates.addAll(batchBands.getOrDefault(KnownStories.bandKey(b, bands[b]), List.of()));
            }
        }
        String best = null;
        double bestSimilarity = -1;
        for (Candidate c : candidates) {
            if (fp.sameStoryAs(c.contentHash(), c.minhash(), c.tokens())) {
                double similarity = fp.contentHash().equals(c.contentHash()) ? 2 : MinHash.similarity(fp.minhash(), c.minhash());
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = c.id();
                }
            }
        }
        return best;
    }

    /**
     * Keeps as new only the announcements the insert actually stored. Under the store lock that is all of
     * them; a row of the same id that appeared anyway (an instance of an older version, which locks
     * differently, during a rolling deploy) makes its story a duplicate, as it is.
     */
    void keepCreated(Set<String> inserted) {
        if (inserted.size() == created.size()) {
            return;
        }
        created.keySet().retainAll(inserted);
        results.replaceAll(r -> r.duplicate() || created.containsKey(r.id()) ? r : new IngestResult(r.id(), true));
    }

    /** One per story of the batch, in its order. */
    public List<IngestResult> results() {
        return results;
    }

    /** The stories to store as new announcements, in batch order. */
    public List<PreparedStory> created() {
        return List.copyOf(created.values());
    }

    /** URLs to record, in batch order: new announcements' own and their copies', and copies of stored ones. */
    List<UrlRow> urlRows() {
        return urlRows;
    }

    /** The new announcements as they are published, each with every URL this batch saw it at, first seen first. */
    public List<RawAnnouncement> published(Instant ingestedAt) {
        return created.values().stream().map(s -> new RawAnnouncement(RawAnnouncement.SCHEMA_VERSION, s.id(), s.title(),
                s.body(), s.url(), createdUrls.get(s.id()), s.publishedAt(), s.source(), ingestedAt, s.language()))
                .toList();
    }
}
