package io.bioalert.classifier.bench;

import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.model.Classification;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: announcements classified per second on one thread, 3 KB invented texts (cycled, 500 distinct).
 * Run with bin/bench-classifier --jmh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifierJmhBenchmark {
    private AnnouncementClassifier classifier;
    private List<String[]> docs;
    private int next;

    @Setup
    public void setUp() {
        classifier = AnnouncementClassifier.fromResources();
        docs = SyntheticAnnouncements.generate(500, 42);
    }

    @Benchmark
    public Classification classify() {
        String[] d = docs.get(next);
        next = next + 1 == docs.size() ? 0 : next + 1;
        return classifier.classify("jmh", d[0], d[1], null);
    }
}
