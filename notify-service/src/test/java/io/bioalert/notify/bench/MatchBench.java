package io.bioalert.notify.bench;

import io.bioalert.model.Classification;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.TargetTag;
import io.bioalert.notify.matching.AnnouncementFacts;
import io.bioalert.notify.matching.MatchIndex;
import io.bioalert.notify.matching.WatchFilter;
import io.bioalert.notify.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Matching benchmark: 1,000,000 synthetic watchlists in memory, then one announcement at a time. Prints
 * figures, asserts nothing. Run with {@code notify-service/bench} (or -Dtest=MatchBench).
 *
 * <p>The watchlists mix the shapes users write: targets with modality and event, drug codes, companies,
 * keyword phrases, event type with agency. Announcements carry 1–2 targets, a modality, 1–2 events, a drug,
 * a company and ~3 KB of text.
 */
class MatchBench {

    private static final int WATCHLISTS = Integer.getInteger("bench.watchlists", 1_000_000);
    private static final int ANNOUNCEMENTS = 2_000;
    private static final int RUNS = 10_000;

    private final Random random = new Random(42);
    private final String[] targets = Taxonomy.TARGETS.toArray(String[]::new);
    private final String[] modalities = Taxonomy.MODALITIES.toArray(String[]::new);
    private final String[] types = Taxonomy.EVENT_TYPES.toArray(String[]::new);
    private final String[] agencies = Taxonomy.AGENCIES.toArray(String[]::new);
    private final String[] companies = pool("Company %d Therapeutics", 5_000);
    private final String[] drugs = pool("BA-%d", 100_000);
    private final String[] words = pool("word%d", 20_000);

    @Test
    void matchOneAnnouncementAgainstAMillionWatchlists() {
        long loadStart = System.nanoTime();
        MatchIndex<Integer> index = new MatchIndex<>();
        for (int i = 0; i < WATCHLISTS; i++) {
            index.put(i, randomFilter());
        }
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;

        List<Classification> classifications = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ANNOUNCEMENTS; i++) {
            classifications.add(randomClassification(i));
            bodies.add(randomBody());
        }
        List<AnnouncementFacts> facts = new ArrayList<>();
        for (int i = 0; i < ANNOUNCEMENTS; i++) {
            facts.add(AnnouncementFacts.of(classifications.get(i), "title", bodies.get(i)));
        }
        long matches = 0;
        for (int i = 0; i < RUNS / 2; i++) { // warm-up
            matches += index.match(facts.get(i % ANNOUNCEMENTS)).size();
        }
        long[] matchOnly = new long[RUNS];
        long[] withFacts = new long[RUNS];
        long[] cpu = new long[RUNS];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        matches = 0;
        for (int i = 0; i < RUNS; i++) {
            int a = i % ANNOUNCEMENTS;
            long t0 = System.nanoTime();
            AnnouncementFacts f = AnnouncementFacts.of(classifications.get(a), "title", bodies.get(a));
            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            matches += index.match(f).size();
            long t2 = System.nanoTime();
            cpu[i] = threads.getCurrentThreadCpuTime() - c1;
            matchOnly[i] = t2 - t1;
            withFacts[i] = t2 - t0;
        }
        Arrays.sort(matchOnly);
        Arrays.sort(withFacts);
        Arrays.sort(cpu);
        System.out.printf("%nMATCH BENCH: %,d watchlists loaded in %,d ms, heap after load ~%,d MB%n", index.size(), loadMs, heapMb);
        System.out.printf("MATCH BENCH: %,d matches of %,d distinct announcements, %.1f matching watchlists on average%n",
                RUNS, ANNOUNCEMENTS, matches / (double) RUNS);
        System.out.printf("MATCH BENCH: index lookup      median %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
                ms(matchOnly, 0.5), ms(matchOnly, 0.9), ms(matchOnly, 0.99));
        System.out.printf("MATCH BENCH: index lookup, CPU time of the thread: median %.3f ms, p90 %.3f ms "
                + "(wall time above includes waiting for a core on a shared machine)%n", ms(cpu, 0.5), ms(cpu, 0.9));
        System.out.printf("MATCH BENCH: incl. 3 KB text   median %.3f ms, p90 %.3f ms, p99 %.3f ms%n%n",
                ms(withFacts, 0.5), ms(withFacts, 0.9), ms(withFacts, 0.99));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    private WatchFilter randomFilter() {
        int shape = random.nextInt(100);
        if (shape < 30) {
            return new WatchFilter(some(targets, 1 + random.nextInt(2)), maybe(modalities, 50), maybe(types, 50),
                    null, null, null, null, false);
        } else if (shape < 50) {
            return new WatchFilter(null, null, null, null, null, some(drugs, 1 + random.nextInt(3)), null, false);
        } else if (shape < 65) {
            return new WatchFilter(null, null, maybe(types, 40), null, some(companies, 1), null, null, false);
        } else if (shape < 80) {
            return new WatchFilter(null, some(modalities, 1), some(types, 1), some(agencies, 1), null, null, null, false);
        } else if (shape < 90) {
            List<String> phrase = List.of(pick(words) + " " + pick(words));
            return new WatchFilter(maybe(targets, 30), null, null, null, null, null, phrase, false);
        }
        return new WatchFilter(null, null, some(types, 1), some(agencies, 1), null, null, null, random.nextBoolean());
    }

    private Classification randomClassification(int i) {
        List<TargetTag> t = some(targets, 1 + random.nextInt(2)).stream()
                .map(id -> new TargetTag(id, id, "evidence", null, null)).toList();
        List<EventTag> e = new ArrayList<>();
        for (int k = 0, n = 1 + random.nextInt(2); k < n; k++) {
            e.add(new EventTag(pick(types), pick(agencies), random.nextInt(10) < 8, "evidence", null, null));
        }
        return new Classification("a" + i, t, List.of(new ModalityTag(pick(modalities), "evidence", null, null)), e,
                List.of(pick(drugs)), List.of(pick(companies)), List.of(), List.of(), List.of());
    }

    private String randomBody() {
        StringBuilder b = new StringBuilder();
        while (b.length() < 3_000) {
            b.append(pick(words)).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return b.toString();
    }

    private List<String> some(String[] pool, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pick(pool));
        }
        return out;
    }

    private List<String> maybe(String[] pool, int percent) {
        return random.nextInt(100) < percent ? some(pool, 1) : null;
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }

    private static String[] pool(String format, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = String.format(format, i);
        }
        return out;
    }
}
