package io.bioalert.classifier.core.match;

import io.bioalert.classifier.core.lexicon.Entry;
import io.bioalert.classifier.core.text.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A token trie over normalised tokens: every dictionary of every kind in one automaton, walked once from
 * each token. Lookups are hash probes on interned token strings, so the cost is about one probe per
 * token for the (usual) tokens that start no phrase.
 */
public final class PhraseTrie {

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        List<Entry> entries;
    }

    private final Node root = new Node();
    private int maxDepth;

    /** Adds a phrase given as normalised tokens. */
    public void add(List<String> tokens, Entry entry) {
        if (tokens.isEmpty()) {
            return;
        }
        Node node = root;
        for (String t : tokens) {
            node = node.next.computeIfAbsent(t, k -> new Node());
        }
        if (node.entries == null) {
            node.entries = new ArrayList<>(1);
        }
        if (!node.entries.contains(entry)) {
            node.entries.add(entry);
        }
        maxDepth = Math.max(maxDepth, tokens.size());
    }

    /** Every phrase occurrence, all lengths, in token order. */
    public List<Match> findAll(Tokens tokens) {
        List<Match> out = new ArrayList<>(tokens.size() / 4 + 8);
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Node node = root;
            for (int j = i; j < n && j - i < maxDepth; j++) {
                node = node.next.get(tokens.norm(j));
                if (node == null) {
                    break;
                }
                if (node.entries != null) {
                    for (Entry e : node.entries) {
                        if (e.caseKey() == null || sameCase(tokens, i, j + 1, e.caseKey())) {
                            out.add(new Match(i, j + 1, e));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Compares the raw letters of tokens [from, to) with the key, ignoring what the tokenizer drops. */
    private static boolean sameCase(Tokens tokens, int from, int to, String key) {
        int k = 0;
        for (int i = from; i < to; i++) {
            String text = tokens.text();
            for (int c = tokens.start(i); c < tokens.end(i); c++) {
                if (k >= key.length() || key.charAt(k) != text.charAt(c)) {
                    return false;
                }
                k++;
            }
        }
        return k == key.length();
    }
}
