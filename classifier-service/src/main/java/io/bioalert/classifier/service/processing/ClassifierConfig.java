package io.bioalert.classifier.service.processing;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

@ConfigMapping(prefix = "bioalert.classifier")
public interface ClassifierConfig {

    /** Settings of the results' Kafka producer, by their Kafka names (README: how they were chosen). */
    Map<String, String> producer();
}
