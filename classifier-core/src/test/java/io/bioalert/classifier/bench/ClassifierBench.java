package io.bioalert.classifier.bench;

import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.model.Classification;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Single-thread throughput of {@link AnnouncementClassifier#classify} on invented 3 KB English announcements
 * and on invented Chinese ones of the same content (about 900 characters, a third in traditional script).
 * A plain main for a quick figure (bin/bench-classifier); {@link ClassifierJmhBenchmark} is the careful one.
 *
 * <p>Usage: ClassifierBench [seconds to measure per language, default 10] [en|zh|both, default both]
 */
public final class ClassifierBench {

    private ClassifierBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        String languages = args.length > 1 ? args[1] : "both";
        long t0 = System.nanoTime();
        AnnouncementClassifier classifier = AnnouncementClassifier.fromResources();
        System.out.printf("dictionaries loaded in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        if (!languages.equals("zh")) {
            measure("English", classifier, SyntheticAnnouncements.generate(500, 42), seconds);
        }
        if (!languages.equals("en")) {
            measure("Chinese", classifier, SyntheticChineseAnnouncements.generate(500, 42), seconds);
        }
        System.out.printf("machine load average at the end: %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static void measure(String label, AnnouncementClassifier classifier, List<String[]> docs, double seconds) {
        double avgChars = docs.stream().mapToInt(d -> d[0].length() + 2 + d[1].length()).average().orElse(0);
        long sink = run(classifier, docs, (long) (Math.max(2, seconds / 2) * 1e9)); // warm-up: JIT, caches
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long deadline = start + (long) (seconds * 1e9);
        long n = 0;
        List<Double> roundCpu = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (String[] d : docs) {
                Classification c = classifier.classify("b" + n, d[0], d[1], null);
                sink += c.events().size() + c.targets().size();
                n++;
            }
            roundCpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e3 / docs.size());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Collections.sort(roundCpu);
        double median = roundCpu.get(roundCpu.size() / 2);
        double best = roundCpu.get(0);
        System.out.printf("%n%s documents: %d distinct, %.0f chars on average%n", label, docs.size(), avgChars);
        System.out.printf("classified %d announcements in %.1f s on one thread (%d rounds over the set)%n", n, elapsed,
                roundCpu.size());
        System.out.printf("wall clock:         %6.0f announcements/s  (%.0f us each)%n", n / elapsed, elapsed / n * 1e6);
        // On a shared machine the wall clock counts time the thread waited for a core; thread CPU time does not.
        System.out.printf("per core, CPU time: %6.0f announcements/s  (%.0f us each, all rounds, %.1f M chars/s)%n",
                n / cpu, cpu / n * 1e6, n * avgChars / cpu / 1e6);
        System.out.printf("per core, median round: %6.0f announcements/s  (%.0f us each); best round %.0f/s (%.0f us)%n",
                1e6 / median, median, 1e6 / best, best);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static long run(AnnouncementClassifier classifier, List<String[]> docs, long nanos) {
        long end = System.nanoTime() + nanos;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (String[] d : docs) {
                sink += classifier.classify("w", d[0], d[1], null).events().size();
            }
        }
        return sink;
    }
}
