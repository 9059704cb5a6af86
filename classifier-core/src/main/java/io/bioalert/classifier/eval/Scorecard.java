package io.bioalert.classifier.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Micro precision, recall and F1 over (document, label) pairs, counted exactly as the shared {@code score.py}
 * counts them, so a figure printed here and one printed there can be compared.
 *
 * <p>Two rules of that script matter: a predicted target that the gold lists under {@code targets_ok} (known
 * from drug knowledge, not named by the text) is neither right nor wrong; for drugs a document is one hit
 * when any gold name is predicted, and every predicted name that is not a gold name is a false positive.
 */
public final class Scorecard {

    /** A document whose predicted labels differ from the gold ones on one dimension. */
    public record Error(String docId, Dimension dimension, Set<String> missing, Set<String> extra) {
    }

    private final Map<Dimension, int[]> counts = new EnumMap<>(Dimension.class);
    private final List<Error> errors = new ArrayList<>();
    private int documents;
    private int primaryExact;

    public Scorecard() {
        for (Dimension d : Dimension.values()) {
            counts.put(d, new int[3]); // tp, fp, fn
        }
    }

    public void add(String docId, Labels gold, Labels predicted) {
        documents++;
        for (Dimension d : Dimension.values()) {
            Set<String> g = gold.of(d);
            Set<String> p = new HashSet<>(predicted.of(d));
            if (d == Dimension.TARGETS) {
                p.removeIf(t -> gold.targetsOk().contains(t) && !g.contains(t));
            }
            int[] c = counts.get(d);
            Set<String> missing = minus(g, p);
            Set<String> extra = minus(p, g);
            if (d == Dimension.DRUGS) {
                boolean hit = !g.isEmpty() && p.stream().anyMatch(g::contains);
                c[0] += hit ? 1 : 0;
                c[2] += hit || g.isEmpty() ? 0 : 1;
                c[1] += extra.size();
                if (hit) {
                    missing = Set.of(); // one gold name found is the whole hit: the others are aliases
                }
            } else {
                c[0] += g.size() - missing.size();
                c[1] += extra.size();
                c[2] += missing.size();
            }
            if ((!missing.isEmpty() || !extra.isEmpty()) && d != Dimension.EVENTS_ALL) {
                errors.add(new Error(docId, d, missing, extra));
            }
        }
        primaryExact += gold.of(Dimension.EVENTS_PRIMARY).equals(predicted.of(Dimension.EVENTS_PRIMARY)) ? 1 : 0;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    public double precision(Dimension d) {
        int[] c = counts.get(d);
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    public double recall(Dimension d) {
        int[] c = counts.get(d);
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    public double f1(Dimension d) {
        double p = precision(d);
        double r = recall(d);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public List<Error> errors() {
        return List.copyOf(errors);
    }

    /** The table as score.py prints it. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %7s %7s %7s%n", "dimension", "P", "R",
                "F1"));
        for (Dimension d : Dimension.values()) {
            sb.append(String.format(Locale.ROOT, "%-16s %7.3f %7.3f %7.3f%n", d.label, precision(d), recall(d), f1(d)));
        }
        double exact = documents == 0 ? 0 : 100.0 * primaryExact / documents;
        sb.append(String.format(Locale.ROOT, "documents %d, primary events exactly right in %.1f%%%n", documents,
                exact));
        return sb.toString();
    }
}
