package io.bioalert.ingest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixtures from the classpath: invented announcements with the debris real pages carry. */
public final class Fixtures {

    /** Five stories in the manner of real press pages: file name, expected date, a phrase of the body. */
    public record StoryFixture(String file, String date, String bodyPhrase) {
    }

    public static final List<StoryFixture> STORIES = List.of(
            new StoryFixture("01-breakthrough.txt", "2025-11-12", "relapsed or refractory mantle cell lymphoma"),
            new StoryFixture("02-release-date.txt", "2025-07-14", "oral small-molecule GLP-1 receptor agonist"),
            new StoryFixture("03-dateline-time.txt", "2025-12-03", "CD3/BCMA/GPRC5D trispecific antibody"),
            new StoryFixture("04-promo-block.txt", "2025-06-18", "presented at the 2025 ASCO Annual Meeting"),
            new StoryFixture("05-cookies.txt", "2025-09-09", "mean absolute relative difference of 8.4%"));

    /** Lines of page debris that must never reach a stored body. */
    public static final List<String> DEBRIS = List.of("Stay Connected", "Sign up to our free newsletter",
            "Schedule your 30 min Free", "Schedule Your 30 min Free Demo", "Discover why more than", "Image Source",
            "Image Credit", "Forgot your password", "Lost your password", "Back to log-in", "Font Size",
            "Home  >", "We use cookies", "Accept all", "Advertisement", "Share this article", "Release Date:",
            "\nShow\n", "\nClose", "\nNews\n", "\nEN\n", "Home Innovation");

    private Fixtures() {
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
