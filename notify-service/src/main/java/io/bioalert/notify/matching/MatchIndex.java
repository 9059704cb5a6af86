package io.bioalert.notify.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An inverted index over watchlist filters. Each watchlist is posted under the values of one field (its
 * anchor, see {@link CompiledFilter}); an announcement looks up only the postings of the values it
 * carries and checks those candidates in full. The cost of a match is the number of candidates, not the
 * number of watchlists.
 *
 * <p>Plain Java and thread-safe: many matches run at once, changes take a short write lock.
 *
 * @param <K> the watchlist key
 */
public final class MatchIndex<K> {

    private final Map<Field, Map<String, IntList>> postings = new EnumMap<>(Field.class);
    private final Map<K, Integer> slotOf = new HashMap<>();
    private final List<K> keys = new ArrayList<>();
    private final List<CompiledFilter> filters = new ArrayList<>();
    private final IntList freeSlots = new IntList();
    /** Slots whose anchor hit alone proves a match (see {@link CompiledFilter#exact}): no pointer chasing for them. */
    private final java.util.BitSet exact = new java.util.BitSet();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public MatchIndex() {
        for (Field f : Field.values()) {
            postings.put(f, new HashMap<>());
        }
    }

    /** Adds the watchlist, or replaces its filter. */
    public void put(K key, WatchFilter filter) {
        CompiledFilter compiled = new CompiledFilter(filter);
        lock.writeLock().lock();
        try {
            removeLocked(key);
            int slot;
            if (freeSlots.size() > 0) {
                slot = freeSlots.removeLast();
                keys.set(slot, key);
                filters.set(slot, compiled);
            } else {
                slot = keys.size();
                keys.add(key);
                filters.add(compiled);
            }
            slotOf.put(key, slot);
            exact.set(slot, compiled.exact);
            Map<String, IntList> byValue = postings.get(compiled.anchor);
            for (String value : compiled.anchorKeys) {
                byValue.computeIfAbsent(value, v -> new IntList()).add(slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void remove(K key) {
        lock.writeLock().lock();
        try {
            removeLocked(key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeLocked(K key) {
        Integer slot = slotOf.remove(key);
        if (slot == null) {
            return;
        }
        CompiledFilter old = filters.get(slot);
        Map<String, IntList> byValue = postings.get(old.anchor);
        for (String value : old.anchorKeys) {
            IntList list = byValue.get(value);
            if (list != null && list.removeValue(slot) && list.size() == 0) {
                byValue.remove(value);
            }
        }
        keys.set(slot, null);
        filters.set(slot, null);
        freeSlots.add(slot);
    }

    public boolean contains(K key) {
        lock.readLock().lock();
        try {
            return slotOf.containsKey(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The keys of every watchlist whose filter the announcement satisfies, each once. */
    public List<K> match(AnnouncementFacts a) {
        IntList out = new IntList();
        lock.readLock().lock();
        try {
            probe(Field.DRUG, a.drugs, a, out);
            probe(Field.COMPANY_WORD, a.companyWords, a, out);
            probe(Field.TARGET_EVENT, a.targetEvents, a, out);
            probe(Field.TARGET_MODALITY, a.targetModalities, a, out);
            probe(Field.TARGET, a.targets, a, out);
            probe(Field.KEYWORD, a.textKeys, a, out);
            probe(Field.MODALITY_EVENT_AGENCY, a.modalityEventAgencies, a, out);
            probe(Field.MODALITY_EVENT, a.modalityEvents, a, out);
            probe(Field.MODALITY, a.modalities, a, out);
            probe(Field.EVENT_AGENCY, a.eventAgencies, a, out);
            probe(Field.EVENT_TYPE, a.eventTypes, a, out);
            probe(Field.AGENCY, a.agencies, a, out);
            // A watchlist posted under two values the announcement both has is hit twice: sort, keep one.
            int[] slots = java.util.Arrays.copyOf(out.data, out.size());
            java.util.Arrays.sort(slots);
            List<K> keysOut = new ArrayList<>(slots.length);
            for (int i = 0; i < slots.length; i++) {
                if (i == 0 || slots[i] != slots[i - 1]) {
                    keysOut.add(keys.get(slots[i]));
                }
            }
            return keysOut;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void probe(Field field, Collection<String> values, AnnouncementFacts a, IntList out) {
        Map<String, IntList> byValue = postings.get(field);
        if (byValue.isEmpty()) {
            return;
        }
        for (String value : values) {
            IntList slots = byValue.get(value);
            if (slots == null) {
                continue;
            }
            int[] data = slots.data;
            for (int i = 0, n = slots.size(); i < n; i++) {
                int slot = data[i];
                if (exact.get(slot) || filters.get(slot).matches(a)) {
                    out.add(slot);
                }
            }
        }
    }

    /** A growable int array: postings of a million watchlists stay a few megabytes. */
    static final class IntList {
        int[] data = new int[4];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int removeLast() {
            return data[--size];
        }

        /** Order does not matter in a posting list, so removal swaps in the last element. */
        boolean removeValue(int v) {
            for (int i = 0; i < size; i++) {
                if (data[i] == v) {
                    data[i] = data[--size];
                    return true;
                }
            }
            return false;
        }

        int size() {
            return size;
        }
    }
}
