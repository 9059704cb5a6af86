package io.bioalert.e2e;

import java.util.Random;

/**
 * Push requests for ingest with text that differs from story to story (random words of a small clinical
 * vocabulary), so that near-duplicate detection keeps each one: what the throughput bench and the crash test
 * push.
 */
final class PushStories {

    private static final String[] WORDS = ("patients cohort dose response safety tolerability efficacy phase study "
            + "tumor biomarker enrollment median survival progression interim analysis primary endpoint secondary "
            + "regimen infusion weekly monthly oral subcutaneous expansion escalation partner license milestone "
            + "manufacturing supply pipeline platform conjugate payload linker antibody receptor pathway signal "
            + "clinic hospital investigator site region country quarter revenue guidance update meeting data").split(" ");

    private final String run;
    private final int bodyChars;

    /** Stories of about {@code bodyChars} characters, with URLs unique to {@code run}. */
    PushStories(String run, int bodyChars) {
        this.run = run;
        this.bodyChars = bodyChars;
    }

    /** The JSON of push request {@code n}: the same n always gives the same story. */
    String json(int n) {
        Random random = new Random(31L * n + run.hashCode());
        StringBuilder body = new StringBuilder("Acme Bio announced that the FDA granted Fast Track designation to AB-")
                .append(n).append(", an oral small molecule.");
        while (body.length() < bodyChars) {
            body.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return """
                {"title": "Acme Bio receives FDA Fast Track for AB-%1$d", "source": "bench",
                 "body": "%2$s.", "url": "https://push.example.org/%3$s/%1$d"}""".formatted(n, body, run);
    }

    /** A JSON array of push requests {@code from} (inclusive) to {@code to} (exclusive). */
    String batchJson(int from, int to) {
        StringBuilder json = new StringBuilder("[");
        for (int n = from; n < to; n++) {
            json.append(n == from ? "" : ",").append(json(n));
        }
        return json.append(']').toString();
    }
}
