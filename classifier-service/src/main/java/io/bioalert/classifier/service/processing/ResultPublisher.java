package io.bioalert.classifier.service.processing;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one producer of the classifier: classified announcements and dead letters alike, so that the
 * results of a batch leave in the order they were read and one wait covers them all. Settings in
 * {@code bioalert.classifier.producer.*} (README: how they were chosen).
 */
@ApplicationScoped
public class ResultPublisher {

    private final Producer<String, String> producer;

    ResultPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ClassifierConfig config) {
        Map<String, Object> settings = new HashMap<>(config.producer());
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "classifier-results");
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    /**
     * Sends the records in their order and completes when the broker has acknowledged every one of them,
     * or exceptionally with the first failure.
     */
    public CompletableFuture<Void> publish(List<ProducerRecord<String, String>> records) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> record : records) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            try {
                producer.send(record, (metadata, e) -> {
                    if (e == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
            acks.add(ack);
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }

    void close(@Observes ShutdownEvent event) {
        producer.close();
    }
}
