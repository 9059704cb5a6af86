package io.bioalert.classifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.classifier.eval.Dimension;
import io.bioalert.classifier.eval.Labels;
import io.bioalert.classifier.eval.Scorecard;
import io.bioalert.model.Classification;
import io.bioalert.model.EventTag;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/classify-eval GOLD ANNOUNCEMENTS}: classifies the announcements, prints score.py's table and then
 * every error with the evidence behind it: the text the classifier took for a wrong tag, and for a missed
 * event whether it was found but judged history. Documents in GOLD that are missing from ANNOUNCEMENTS count
 * as predicting nothing, as in score.py.
 */
public final class ClassifyEvalCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifyEvalCli() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: classify-eval GOLD.jsonl ANNOUNCEMENTS.jsonl");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Scorecard card = evaluate(new ClassifyCli(AnnouncementClassifier.fromResources()), Path.of(args[0]),
                Path.of(args[1]), out);
        out.print(card.table());
    }

    /** Scores every gold document, printing the errors with evidence to {@code out} (null: print nothing). */
    public static Scorecard evaluate(ClassifyCli cli, Path gold, Path announcements, PrintStream out)
            throws IOException {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Classification> predicted = new LinkedHashMap<>();
        for (String line : nonBlank(announcements)) {
            Classification c = cli.classify(line);
            predicted.put(c.id(), c);
            titles.put(c.id(), JSON.readTree(line).path("title").asText(""));
        }
        Scorecard card = new Scorecard();
        for (String line : nonBlank(gold)) {
            JsonNode g = JSON.readTree(line);
            String id = g.path("id").asText();
            Classification p = predicted.getOrDefault(id, Classification.empty(id));
            int before = card.errors().size();
            card.add(id, Labels.fromGold(g), Labels.fromPrediction(p));
            if (out != null) {
                for (Scorecard.Error e : card.errors().subList(before, card.errors().size())) {
                    printError(out, e, titles.getOrDefault(id, ""), p);
                }
            }
        }
        return card;
    }

    private static List<String> nonBlank(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static void printError(PrintStream out, Scorecard.Error e, String title, Classification p) {
        out.printf("%s %s: missing %s extra %s%n", e.docId(), e.dimension().label, e.missing(), e.extra());
        if (!title.isEmpty()) {
            out.printf("    title: %s%n", title);
        }
        switch (e.dimension()) {
            case TARGETS -> p.targets().stream().filter(t -> e.extra().contains(t.id()))
                    .forEach(t -> out.printf("    + %s from \"%s\"%n", t.id(), t.evidence()));
            case MODALITIES -> p.modalities().stream().filter(m -> e.extra().contains(m.id()))
                    .forEach(m -> out.printf("    + %s from \"%s\"%n", m.id(), m.evidence()));
            case EVENTS_PRIMARY -> {
                for (EventTag t : p.events()) {
                    String pair = t.type() + "/" + t.agency();
                    if (t.primary() && e.extra().contains(pair)) {
                        out.printf("    + %s primary from \"%s\"%n", pair, t.evidence());
                    } else if (!t.primary() && e.missing().contains(pair)) {
                        out.printf("    - %s found, judged history: \"%s\"%n", pair, t.evidence());
                    }
                }
            }
            case DRUGS -> out.printf("    predicted %s%n", p.drugs());
            default -> {
            }
        }
    }
}
