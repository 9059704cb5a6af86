package io.bioalert.ingest.bench;

import io.bioalert.ingest.page.PageReader;
import io.bioalert.ingest.source.SourceFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * How much of the article a page source keeps: runs {@link PageReader#article} (what a PAGE source poll stores)
 * over a folder of {@code <page>/source.html} + {@code <page>/expected.html} pairs and scores the stored body
 * against the expected article text with the measure of the article-extraction benchmarks: precision, recall
 * and F1 of word 4-gram shingles (lower-cased, punctuation stripped, counted with multiplicity), plus
 * bag-of-words F1. A page that yields nothing scores 0.
 *
 * <p>Run with {@code ingest-service/bench-extraction DIR [--dump OUT] [--worst N]}; {@code --dump} writes each
 * page's extracted text to {@code OUT/<page>.txt} for reading the misses. Not a test; nothing asserts.
 */
public final class ExtractionBench {

    private static final int SHINGLE = 4;

    record Score(String page, double precision, double recall, double f1, double bowF1, boolean nothing) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: bench-extraction DIR [--dump OUT] [--worst N]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Path dump = null;
        int worst = 5;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dump" -> dump = Path.of(args[i + 1]);
                case "--worst" -> worst = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dump != null) {
            Files.createDirectories(dump);
        }
        long t0 = System.nanoTime();
        List<Score> scores = run(dir, dump, (html, url) -> PageReader.article(html, url, "bench").body());
        print(scores, worst, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The article text a cleaner keeps of one page; throws when it finds none. */
    interface Extractor {
        String body(String html, String url) throws SourceFormatException;
    }

    static List<Score> run(Path dir, Path dump, Extractor extractor) throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.filter(p -> Files.isRegularFile(p.resolve("source.html")) && Files.isRegularFile(p.resolve("expected.html")))
                    .sorted().toList();
        }
        List<Score> scores = new ArrayList<>();
        for (Path page : pages) {
            String name = page.getFileName().toString();
            String source = Files.readString(page.resolve("source.html"), StandardCharsets.UTF_8);
            String expected = Jsoup.parse(Files.readString(page.resolve("expected.html"), StandardCharsets.UTF_8)).text();
            String extracted;
            boolean nothing = false;
            try {
                extracted = extractor.body(source, "http://" + name + ".test/article");
            } catch (SourceFormatException e) {
                extracted = "";
                nothing = true;
            }
            if (dump != null) {
                Files.writeString(dump.resolve(name + ".txt"), extracted, StandardCharsets.UTF_8);
            }
            scores.add(score(name, extracted, expected, nothing));
        }
        return scores;
    }

    static Score score(String page, String extracted, String expected, boolean nothing) {
        List<String> got = words(extracted);
        List<String> want = words(expected);
        double[] prf = prf(shingles(got, SHINGLE), shingles(want, SHINGLE));
        double[] bow = prf(shingles(got, 1), shingles(want, 1));
        return new Score(page, prf[0], prf[1], prf[2], bow[2], nothing);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    static Map<String, Integer> shingles(List<String> words, int n) {
        Map<String, Integer> counts = new HashMap<>();
        if (words.size() < n) {
            if (!words.isEmpty()) {
                counts.merge(String.join(" ", words), 1, Integer::sum);
            }
            return counts;
        }
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static double[] prf(Map<String, Integer> got, Map<String, Integer> want) {
        long overlap = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            overlap += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        long gotN = got.values().stream().mapToLong(Integer::longValue).sum();
        long wantN = want.values().stream().mapToLong(Integer::longValue).sum();
        double p = gotN == 0 ? 0 : (double) overlap / gotN;
        double r = wantN == 0 ? 0 : (double) overlap / wantN;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new double[] {p, r, f};
    }

    static void print(List<Score> scores, int worst, long ms) {
        System.out.printf(Locale.ROOT, "%-30s %6s %6s %6s %6s%n", "page", "P", "R", "F1", "bowF1");
        for (Score s : scores) {
            System.out.printf(Locale.ROOT, "%-30s %6.3f %6.3f %6.3f %6.3f%s%n", s.page(), s.precision(), s.recall(),
                    s.f1(), s.bowF1(), s.nothing() ? "  NOTHING" : "");
        }
        System.out.printf(Locale.ROOT, "%n%d pages in %d ms; pages with nothing: %d; F1 < 0.9: %d%n", scores.size(), ms,
                scores.stream().filter(Score::nothing).count(), scores.stream().filter(s -> s.f1() < 0.9).count());
        System.out.printf(Locale.ROOT, "%-8s %6s %6s %6s %6s%n", "", "P", "R", "F1", "bowF1");
        System.out.printf(Locale.ROOT, "%-8s %6.3f %6.3f %6.3f %6.3f%n", "mean", mean(scores, Score::precision),
                mean(scores, Score::recall), mean(scores, Score::f1), mean(scores, Score::bowF1));
        System.out.printf(Locale.ROOT, "%-8s %6.3f %6.3f %6.3f %6.3f%n", "median", median(scores, Score::precision),
                median(scores, Score::recall), median(scores, Score::f1), median(scores, Score::bowF1));
        System.out.printf(Locale.ROOT, "%nworst %d by 4-gram F1:%n", worst);
        scores.stream().sorted(Comparator.comparingDouble(Score::f1)).limit(worst).forEach(s -> System.out.printf(
                Locale.ROOT, "  %-30s P %.3f R %.3f F1 %.3f%s%n", s.page(), s.precision(), s.recall(), s.f1(),
                s.nothing() ? "  (nothing)" : ""));
    }

    private static double mean(List<Score> scores, java.util.function.ToDoubleFunction<Score> f) {
        return scores.stream().mapToDouble(f).average().orElse(0);
    }

    private static double median(List<Score> scores, java.util.function.ToDoubleFunction<Score> f) {
        double[] v = scores.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return 0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
