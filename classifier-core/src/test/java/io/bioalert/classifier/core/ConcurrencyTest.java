package io.bioalert.classifier.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.classifier.bench.SyntheticAnnouncements;
import io.bioalert.model.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One classifier instance shared by threads gives the same results as one thread. */
class ConcurrencyTest {

    @Test
    void sharedInstanceIsThreadSafe() throws Exception {
        List<String[]> docs = SyntheticAnnouncements.generate(200, 7);
        List<Classification> expected = new ArrayList<>();
        for (String[] d : docs) {
            expected.add(Classify.CLASSIFIER.classify("c", d[0], d[1], null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Classification>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Classification> out = new ArrayList<>();
                    for (String[] d : docs) {
                        out.add(Classify.CLASSIFIER.classify("c", d[0], d[1], null));
                    }
                    return out;
                }));
            }
            for (Future<List<Classification>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).allSatisfy(c -> assertThat(c.events()).isNotEmpty());
    }
}
