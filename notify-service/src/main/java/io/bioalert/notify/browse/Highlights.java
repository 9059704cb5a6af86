package io.bioalert.notify.browse;

import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the evidence of a classification stands in the announcement's text, for a page to mark. The
 * classifier gives offsets into {@code fullText()}; a tag without them, or whose offsets do not hold
 * its evidence (an older classifier), is found by its first occurrence instead, and evidence that is
 * nowhere in the text is left out. Spans come sorted and never overlap, so they can be marked in one pass.
 */
public final class Highlights {

    /** Characters {@code [start, end)} of the text, and what they are evidence of (Target, Modality, Event, Drug, …). */
    public record Span(int start, int end, String kind) {
    }

    private Highlights() {
    }

    public static List<Span> of(ClassifiedAnnouncement a) {
        String text = a.announcement().fullText();
        Classification c = a.classification() == null ? Classification.empty(a.id()) : a.classification();
        List<Span> found = new ArrayList<>();
        c.targets().forEach(t -> locate(text, t.evidence(), t.start(), t.end(), "Target", found));
        c.modalities().forEach(m -> locate(text, m.evidence(), m.start(), m.end(), "Modality", found));
        c.events().forEach(e -> locate(text, e.evidence(), e.start(), e.end(), e.primary() ? "Event" : "History", found));
        c.mentions().forEach(m -> locate(text, m.evidence(), m.start(), m.end(), label(m.kind()), found));
        found.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> spans = new ArrayList<>();
        for (Span s : found) {
            Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last == null || s.start() >= last.end()) {
                spans.add(s);
            } else if (s.end() > last.end()) {
                // Overlapping evidence (an event sentence around a drug name): one span, the first kind.
                spans.set(spans.size() - 1, new Span(last.start(), s.end(), last.kind()));
            }
        }
        return spans;
    }

    private static void locate(String text, String evidence, Integer start, Integer end, String kind, List<Span> out) {
        if (evidence == null || evidence.isBlank()) {
            return;
        }
        if (start != null && end != null && start >= 0 && end <= text.length()
                && end - start == evidence.length() && text.startsWith(evidence, start)) {
            out.add(new Span(start, end, kind));
            return;
        }
        int at = text.indexOf(evidence);
        if (at >= 0) {
            out.add(new Span(at, at + evidence.length(), kind));
        }
    }

    private static String label(String kind) {
        return kind == null || kind.isEmpty() ? "Mention" : kind.charAt(0) + kind.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
