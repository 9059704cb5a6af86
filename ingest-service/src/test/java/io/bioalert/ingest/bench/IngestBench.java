package io.bioalert.ingest.bench;

import io.bioalert.ingest.clean.CleanedText;
import io.bioalert.ingest.clean.HtmlCleaner;
import io.bioalert.ingest.clean.TextCleaner;
import io.bioalert.ingest.dedup.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stories per second through cleaning and near-duplicate detection against N stored stories.
 *
 * <p>Run with {@code ingest-service/bench [stored] [incoming] [memory|postgres|both]}. What is measured, per
 * incoming page (generated beforehand, not timed): cleaning (HTML or text with debris), fingerprinting
 * (SHA-256 + 64-hash MinHash of the lead), and the LSH lookup with verification against the stored
 * stories, then adding new ones to the index. {@code memory}: the index is a hash map loaded with the
 * stored fingerprints. {@code postgres}: the lookup is the service's own candidate SQL against an
 * embedded PostgreSQL holding the stored stories and their bands (lookup only: the insert, Kafka
 * publishing and HTTP are not in the figure). Single thread. Not a test; nothing asserts on time.
 */
public final class IngestBench {

    record Incoming(String page, boolean html, int copyOf) {
    }

    public static void main(String[] args) throws Exception {
        int stored = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int incoming = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String mode = args.length > 2 ? args[2] : "both";

        SyntheticStories gen = new SyntheticStories(42, 20_000);
        System.out.printf(Locale.ROOT, "generating %,d stored stories...%n", stored);
        List<Fingerprint> storedPrints = new ArrayList<>(stored);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < stored; i++) {
            String article = gen.article();
            storedPrints.add(Fingerprint.of(article));
            if (i % Math.max(1, stored / 2000) == 0) {
                sample.add(article);
            }
        }
        List<Incoming> warmup = incoming(gen, 5_000, sample);
        List<Incoming> work = incoming(gen, incoming, sample);

        if (mode.equals("memory") || mode.equals("both")) {
            InMemoryIndex index = new InMemoryIndex();
            long t0 = System.nanoTime();
            storedPrints.forEach(index::findOrAdd);
            System.out.printf(Locale.ROOT, "in-memory index loaded with %,d fingerprints in %.1f s%n", index.size(),
                    (System.nanoTime() - t0) / 1e9);
            run("memory (warm-up)", warmup, fp -> index.findOrAdd(fp) >= 0);
            run("memory", work, fp -> index.findOrAdd(fp) >= 0);
        }
        if (mode.equals("postgres") || mode.equals("both")) {
            try (PostgresIndex index = PostgresIndex.start(storedPrints)) {
                run("postgres (warm-up)", warmup.subList(0, 1000), index::isKnown);
                run("postgres", work, index::isKnown);
            }
        }
    }

    private static List<Incoming> incoming(SyntheticStories gen, int n, List<String> sample) {
        List<Incoming> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean copy = i % 10 == 0;
            int copyOf = copy ? (i / 10) % sample.size() : -1;
            String article = copy ? gen.syndicatedCopy(sample.get(copyOf)) : gen.article();
            boolean html = i % 2 == 0;
            String title = gen.title();
            list.add(new Incoming(html ? gen.asHtmlPage(title, article) : gen.asTextPage(title, article), html, copyOf));
        }
        return list;
    }

    interface Lookup {
        boolean known(Fingerprint fp) throws Exception;
    }

    private static void run(String label, List<Incoming> work, Lookup lookup) throws Exception {
        long clean = 0;
        long print = 0;
        long find = 0;
        int copiesFound = 0;
        int copies = 0;
        int falseMatches = 0;
        long start = System.nanoTime();
        for (Incoming in : work) {
            long t0 = System.nanoTime();
            CleanedText text = in.html() ? HtmlCleaner.cleanPage(in.page(), "https://site.example/x").text()
                    : TextCleaner.clean(in.page(), null);
            long t1 = System.nanoTime();
            Fingerprint fp = Fingerprint.of(text.body());
            long t2 = System.nanoTime();
            boolean known = lookup.known(fp);
            long t3 = System.nanoTime();
            clean += t1 - t0;
            print += t2 - t1;
            find += t3 - t2;
            if (in.copyOf() >= 0) {
                copies++;
                copiesFound += known ? 1 : 0;
            } else if (known) {
                falseMatches++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = work.size();
        System.out.printf(Locale.ROOT, "%-20s %,7d stories in %6.2f s = %,8.0f stories/s | per story: clean %5.0f us,"
                + " fingerprint %4.0f us, lookup %5.0f us | copies found %d/%d, false matches %d%n",
                label, n, seconds, n / seconds, clean / 1e3 / n, print / 1e3 / n, find / 1e3 / n, copiesFound, copies,
                falseMatches);
    }
}
