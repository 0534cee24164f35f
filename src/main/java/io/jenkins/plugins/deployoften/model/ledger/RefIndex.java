package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Ref;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * An immutable index from a key (a candidate identity) to the latest {@link Ref} indexed under it. It is kept as
 * a few frozen maps, shared by every index built from the same {@link Builder}, and a short tail of the keys
 * indexed since; a key's ref is the latest in any of them. So building the summary after each append copies the
 * tail, at most {@value #TAIL_LIMIT} keys, and not the index, which grows with the distinct identities ever
 * deployed. Frozen maps are merged when the newest is at least half the size of the one before it, so there are
 * at most about log2(size / {@value #TAIL_LIMIT}) of them and each key is copied O(log size) times in all.
 *
 * <p>An index read from a summary file may be {@link #lazy(Supplier) decoded on first use}: most reads of a summary
 * (the statistics, the Deploy health page) never look a candidate up, and the indexes are most of the file.
 *
 * @param <K> the key type
 */
final class RefIndex<K extends Comparable<? super K>> {
    /** How many keys the tail holds before it is frozen. */
    static final int TAIL_LIMIT = 128;

    @SuppressWarnings("rawtypes")
    private static final RefIndex EMPTY = new RefIndex<String>(List.of(), Map.of());

    /** Decodes the frozen maps of a lazy index; {@code null} once they are known. */
    private Supplier<List<Map<K, Ref>>> decoder;

    private volatile List<Map<K, Ref>> frozen;
    private final Map<K, Ref> tail;

    private RefIndex(List<Map<K, Ref>> frozen, Map<K, Ref> tail) {
        this.frozen = frozen;
        this.tail = tail;
    }

    private RefIndex(Supplier<List<Map<K, Ref>>> decoder) {
        this.decoder = decoder;
        this.tail = Map.of();
    }

    /**
     * @param decode gives the entries when the index is first used (a look-up, a builder, a comparison); called at
     *     most once, from any thread
     * @return an index of those entries, decoded on first use
     */
    static <K extends Comparable<? super K>> RefIndex<K> lazy(Supplier<Map<K, Ref>> decode) {
        Objects.requireNonNull(decode, "decode");
        return new RefIndex<>(() -> {
            Map<K, Ref> entries = decode.get();
            return entries.isEmpty() ? List.of() : List.of(Map.copyOf(entries));
        });
    }

    private List<Map<K, Ref>> frozen() {
        List<Map<K, Ref>> known = frozen;
        if (known == null) {
            synchronized (this) {
                known = frozen;
                if (known == null) {
                    known = decoder.get();
                    frozen = known;
                    decoder = null;
                }
            }
        }
        return known;
    }

    /** @return the empty index */
    @SuppressWarnings("unchecked")
    static <K extends Comparable<? super K>> RefIndex<K> empty() {
        return (RefIndex<K>) EMPTY;
    }

    /**
     * @param entries keys with their refs, as decoded
     * @return the index of them
     */
    static <K extends Comparable<? super K>> RefIndex<K> of(Map<K, Ref> entries) {
        return entries.isEmpty() ? empty() : new RefIndex<>(List.of(Map.copyOf(entries)), Map.of());
    }

    /**
     * @param key a key
     * @return the latest ref indexed under it, or {@code null}
     */
    Ref get(K key) {
        Ref latest = tail.get(key);
        for (Map<K, Ref> map : frozen()) {
            latest = laterOf(latest, map.get(key));
        }
        return latest;
    }

    /** @return the index as one sorted map, built on each call: for the summary's file and for comparisons */
    SortedMap<K, Ref> asSortedMap() {
        TreeMap<K, Ref> merged = new TreeMap<>();
        for (Map<K, Ref> map : frozen()) {
            map.forEach((key, ref) -> merged.merge(key, ref, RefIndex::laterOf));
        }
        tail.forEach((key, ref) -> merged.merge(key, ref, RefIndex::laterOf));
        return Collections.unmodifiableSortedMap(merged);
    }

    /** @return how many frozen maps it has, for tests of its shape */
    int frozenMaps() {
        return frozen().size();
    }

    /** @return a builder starting from this index, sharing its frozen maps */
    Builder<K> toBuilder() {
        return new Builder<>(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RefIndex<?> other && asSortedMap().equals(other.asSortedMap());
    }

    @Override
    public int hashCode() {
        return asSortedMap().hashCode();
    }

    @Override
    public String toString() {
        return asSortedMap().toString();
    }

    /** Of two refs, either of them {@code null}, the later (of equal ones the second): the one an index keeps. */
    static Ref laterOf(Ref kept, Ref added) {
        if (kept == null) {
            return added;
        }
        return added != null && added.compareTo(kept) >= 0 ? added : kept;
    }

    /** Indexes refs; builds indexes that share its frozen maps. Not thread-safe. */
    static final class Builder<K extends Comparable<? super K>> {
        private final ArrayList<Map<K, Ref>> frozen;
        private final HashMap<K, Ref> tail;

        Builder() {
            this(empty());
        }

        private Builder(RefIndex<K> from) {
            frozen = new ArrayList<>(from.frozen());
            tail = new HashMap<>(from.tail);
        }

        /**
         * Indexes a ref under a key; the key keeps the later of it and the one it had.
         *
         * @param key the key
         * @param ref the ref
         */
        void add(K key, Ref ref) {
            Objects.requireNonNull(ref, "ref");
            tail.merge(key, ref, RefIndex::laterOf);
            if (tail.size() >= TAIL_LIMIT) {
                frozen.add(Map.copyOf(tail));
                tail.clear();
                mergeSimilarSizes();
            }
        }

        private void mergeSimilarSizes() {
            while (frozen.size() >= 2) {
                Map<K, Ref> newest = frozen.get(frozen.size() - 1);
                Map<K, Ref> before = frozen.get(frozen.size() - 2);
                if (newest.size() * 2 < before.size()) {
                    return;
                }
                HashMap<K, Ref> merged = new HashMap<>(before);
                newest.forEach((key, ref) -> merged.merge(key, ref, RefIndex::laterOf));
                frozen.remove(frozen.size() - 1);
                frozen.set(frozen.size() - 1, Map.copyOf(merged));
            }
        }

        /** @return the index of what was added so far; the builder can go on adding */
        RefIndex<K> build() {
            if (frozen.isEmpty() && tail.isEmpty()) {
                return empty();
            }
            return new RefIndex<>(List.copyOf(frozen), Map.copyOf(tail));
        }
    }
}
