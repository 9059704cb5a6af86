package io.bioalert.classifier.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.model.Classification;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Batch classification: JSON Lines of announcements on stdin ({"id","title","body","url","publishedAt"}),
 * one JSON line of classification per input line on stdout, in input order. A line that cannot be classified
 * gets {"id": ..., "error": "..."} and the batch goes on; the exit status is 0 unless the streams fail.
 */
public final class ClassifyCli {
    private final AnnouncementClassifier classifier;
    private final ObjectMapper json;

    public ClassifyCli(AnnouncementClassifier classifier) {
        this.classifier = classifier;
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static void main(String[] args) throws IOException {
        ClassifyCli cli = new ClassifyCli(AnnouncementClassifier.fromResources());
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        int failed = cli.run(new InputStreamReader(System.in, StandardCharsets.UTF_8), out);
        out.flush();
        if (failed > 0) {
            System.err.println("classify: " + failed + " line(s) could not be classified (see their \"error\")");
        }
    }

    /** Classifies every line of the reader; returns how many lines got an error object. */
    public int run(Reader in, Writer out) throws IOException {
        BufferedReader reader = new BufferedReader(in, 1 << 16);
        String line;
        int failed = 0;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String result;
            try {
                result = json.writeValueAsString(classify(line));
            } catch (BadLine e) {
                failed++;
                result = error(e.id, e.getMessage());
            } catch (RuntimeException e) {
                failed++;
                result = error(idOf(line), "classification failed: " + e);
            }
            out.write(result);
            out.write('\n');
        }
        return failed;
    }

    /** One announcement line classified; a line that is not a valid announcement throws with the reason. */
    public Classification classify(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadLine(null, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLine(null, "not a JSON object");
        }
        String id = text(node, "id");
        String body = text(node, "body");
        if (body == null || body.isBlank()) {
            throw new BadLine(id, "missing body");
        }
        LocalDate published = null;
        String date = text(node, "publishedAt");
        if (date != null && !date.isBlank()) {
            try {
                published = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
            } catch (DateTimeParseException e) {
                throw new BadLine(id, "publishedAt is not an ISO date: " + date);
            }
        }
        return classifier.classify(id, text(node, "title"), body, published);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private String idOf(String line) {
        try {
            return text(json.readTree(line), "id");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String error(String id, String message) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("error", message);
        return new ObjectMapper().writeValueAsString(e);
    }

    private static final class BadLine extends RuntimeException {
        final String id;

        BadLine(String id, String message) {
            super(message);
            this.id = id;
        }
    }
}
