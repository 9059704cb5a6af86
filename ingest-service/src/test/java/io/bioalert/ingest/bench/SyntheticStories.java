package io.bioalert.ingest.bench;

import java.util.SplittableRandom;

/**
 * Invented press-release texts for the bench: words from a Zipf-distributed vocabulary (so common
 * phrases recur across stories, as "announced that" and "Phase 3 trial" do), wrapped in page debris.
 */
final class SyntheticStories {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ter", "va", "ne", "sor", "bi", "ox", "tra", "pel",
        "du", "gen", "cy", "mab", "tin", "zu", "ra", "phar", "ma"};
    private final String[] vocabulary;
    private final double[] cumulative;
    private final SplittableRandom random;

    SyntheticStories(long seed, int vocabularySize) {
        random = new SplittableRandom(seed);
        vocabulary = new String[vocabularySize];
        cumulative = new double[vocabularySize];
        double total = 0;
        for (int i = 0; i < vocabularySize; i++) {
            StringBuilder w = new StringBuilder();
            int n = 1 + random.nextInt(3);
            for (int s = 0; s < n; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocabulary[i] = w.append(i % 97).toString();
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        for (int i = 0; i < vocabularySize; i++) {
            cumulative[i] /= total;
        }
    }

    /** Article text of 150 to 450 words in sentences and paragraphs. */
    String article() {
        int words = 150 + random.nextInt(300);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(word());
            sb.append(i % 18 == 17 ? ".\n" : " ");
        }
        return sb.append('.').toString();
    }

    /** The text as a page: header, dateline, image credits, promo block and sign-up tail around the article. */
    String asTextPage(String title, String article) {
        return "Home > News > Press Releases\n" + title + "\n\n23 December 2025 | Tuesday | News\n\n"
                + "Image Source : Public Domain\n\n" + article
                + "\nSchedule your 30 min Free Demo!\nDiscover why more than 1,500 members use it\nSchedule Your 30 min Free Demo!"
                + "\n\nNews\n\nStay Connected\n\nSign up to our free newsletter and get the latest news\n\nShow\n\nClose\n";
    }

    /** The text as an HTML page with navigation, a cookie banner, an ad and a footer. */
    String asHtmlPage(String title, String article) {
        StringBuilder p = new StringBuilder();
        for (String para : article.split("\n")) {
            p.append("<p>").append(para).append("</p>\n");
        }
        return "<html><head><title>" + title + "</title><meta property=\"article:published_time\" content=\"2025-12-23\">"
                + "</head><body><div id=\"cookie-banner\">We use cookies <button>Accept</button></div>"
                + "<header><nav><a href=\"/\">Home</a><a href=\"/news\">News</a></nav></header><main><article><h1>" + title
                + "</h1>" + p + "<div class=\"ad-slot\">Advertisement</div><div class=\"newsletter\">Sign up</div>"
                + "</article><aside class=\"related\"><a href=\"/x\">Other</a></aside></main><footer>(c) Site</footer></body></html>";
    }

    /** A syndicated copy: a wire dateline in front, a credit line behind, a few words changed. */
    String syndicatedCopy(String article) {
        String[] words = article.split(" ");
        for (int i = 0; i < 3; i++) {
            words[random.nextInt(words.length)] = word();
        }
        return "LONDON (Wire) -- " + String.join(" ", words) + "\nSource: company press release.";
    }

    String title() {
        return word() + " " + word() + " announces " + word() + " " + word();
    }

    private String word() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }
}
