package io.bioalert.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.classifier.core.AnnouncementClassifier;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void malformedLinesGetAnErrorAndTheBatchKeepsItsOrder() throws Exception {
        String input = String.join("\n",
                "{\"id\":\"a\",\"title\":\"FDA grants Fast Track designation to AB-12\",\"body\":\"AB-12 is an anti-HER2 antibody.\",\"publishedAt\":\"2025-03-01\"}",
                "{not json",
                "{\"id\":\"c\",\"title\":\"no body here\"}",
                "{\"id\":\"d\",\"body\":\"The NMPA approved CD-7.\",\"publishedAt\":\"yesterday\"}",
                "",
                "{\"id\":\"e\",\"body\":\"The EMA's CHMP adopted a positive opinion for EF-9.\",\"url\":\"https://example.org/e\"}");
        StringWriter out = new StringWriter();
        int failed = new ClassifyCli(AnnouncementClassifier.fromResources()).run(new StringReader(input), out);

        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertThat(failed).isEqualTo(3);
        assertThat(lines).extracting(n -> n.path("id").isNull() ? null : n.path("id").asText())
                .containsExactly("a", null, "c", "d", "e");
        assertThat(lines.get(0).path("targets").get(0).path("id").asText()).isEqualTo("ERBB2");
        assertThat(lines.get(0).path("events").get(0).path("type").asText()).isEqualTo("FAST_TRACK");
        assertThat(lines.get(0).path("events").get(0).path("agency").asText()).isEqualTo("FDA");
        assertThat(lines.get(0).path("events").get(0).path("primary").asBoolean()).isTrue();
        assertThat(lines.get(0).path("drugs").get(0).asText()).isEqualTo("AB-12");
        assertThat(lines.get(1).path("error").asText()).startsWith("not JSON");
        assertThat(lines.get(2).path("error").asText()).isEqualTo("missing body");
        assertThat(lines.get(3).path("error").asText()).contains("publishedAt");
        assertThat(lines.get(4).has("error")).isFalse();
        assertThat(lines.get(4).path("events").get(0).path("agency").asText()).isEqualTo("EMA");
    }
}
