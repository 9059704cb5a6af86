package io.bioalert.e2e;

import io.bioalert.testkit.EmbeddedKafka;
import org.junit.jupiter.api.Test;

/**
 * The bare three-hop relay alone, on a broker of its own: the machine's Kafka ceiling in a minute, without
 * the services. {@code ./mvnw -pl bioalert-e2e verify -Pbench -Dit.test=BareRelayBench} (after an install).
 * {@link EndToEndBench} runs the same relay on the services' broker and prints BioAlert's share of it.
 */
class BareRelayBench {

    @Test
    void threeHopsWithNoWork() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            BareRelay relay = new BareRelay(kafka.bootstrapServers(), EndToEndBench.STORY_BYTES);
            relay.run(1, 5); // warm-up: the broker's and the clients' JIT
            for (int partitions : new int[] {1, 2}) {
                System.out.println(relay.run(partitions, 20).summary());
            }
        }
    }
}
