package io.bioalert.testkit;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/** A real Apache Kafka broker in KRaft mode (one combined node) running inside this JVM. */
public final class EmbeddedKafka implements AutoCloseable {

    /** Announcements may carry up to a million characters of text: up to 8 MiB a record, as in production. */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafka start() {
        // At JVM exit the test kit's own hook deletes the broker's directories while our hook is still
        // stopping the broker; the broker then sees its log dir fail and halts the JVM with status 1, which
        // fails a test run that had passed. A broker embedded in a test or local-run JVM must never end it.
        Exit.setHaltProcedure((status, message) -> System.err.println("embedded Kafka asked to halt (" + status
                + "): " + message + "; ignored"));
        Exit.setExitProcedure((status, message) -> System.err.println("embedded Kafka asked to exit (" + status
                + "): " + message + "; ignored"));
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            // On a single node every internal topic must have replication factor 1, and the initial
            // rebalance delay must be 0, or consumer groups never form.
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES))
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics if they do not exist yet. */
    public void createTopics(int partitions, List<String> names) {
        createTopics(bootstrapServers(), partitions, names);
    }

    public static void createTopics(String bootstrapServers, int partitions, List<String> names) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
