package io.jenkins.plugins.deployoften.model;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * An unmodifiable sorted map from UTC days to values kept in flat arrays by the subclass, numbered by the day's
 * place in {@link #epochDays}: what a ledger summary keeps per day, read by many reads, costs a few dozen bytes
 * a day this way instead of a tree entry, a date and the value's objects. A value is made when it is read ({@link
 * #valueAt(int)}); the subclasses also give ways to read the parts without making it. Views ({@link #subMap},
 * {@link #headMap}, {@link #tailMap}) share the arrays and follow {@link SortedMap}'s rules for their bounds.
 *
 * @param <V> the value of a day
 * @param <M> the subclass, which its views are
 */
abstract class PackedDays<V, M extends PackedDays<V, M>> extends AbstractMap<LocalDate, V>
        implements SortedMap<LocalDate, V> {
    /** Every day's epoch day, ascending, shared by every view. */
    final long[] epochDays;
    /** This view's days: {@code epochDays[lo .. hi - 1]}. */
    final int lo;

    final int hi;
    /** The view's bounds as epoch days, from inclusive, to exclusive; the extremes of {@code long} when none. */
    private final long fromBound;

    private final long toBound;

    PackedDays(long[] epochDays, int lo, int hi, long fromBound, long toBound) {
        this.epochDays = epochDays;
        this.lo = lo;
        this.hi = hi;
        this.fromBound = fromBound;
        this.toBound = toBound;
    }

    /** @return the value of the day at {@code index} in {@link #epochDays} */
    abstract V valueAt(int index);

    /** @return a view of the same arrays over {@code epochDays[lo .. hi - 1]} with those bounds */
    abstract M view(int lo, int hi, long fromBound, long toBound);

    /**
     * Walks these days and the changed ones in day order, handing each day here that is not changed to {@code
     * copy} (by its index) and each changed day to {@code add}: what a packed copy with the changes needs, in
     * order.
     */
    final void merge(Map<LocalDate, V> changed, IntConsumer copy, BiConsumer<LocalDate, V> add) {
        LocalDate[] changedDays = changed.keySet().toArray(new LocalDate[0]);
        Arrays.sort(changedDays);
        int index = lo;
        for (LocalDate day : changedDays) {
            long epochDay = day.toEpochDay();
            for (; index < hi && epochDays[index] < epochDay; index++) {
                copy.accept(index);
            }
            if (index < hi && epochDays[index] == epochDay) {
                index++; // replaced
            }
            add.accept(day, changed.get(day));
        }
        for (; index < hi; index++) {
            copy.accept(index);
        }
    }

    /**
     * @param position 0 to {@code size() - 1}
     * @return the day at that position, ascending
     */
    public LocalDate dayAt(int position) {
        return LocalDate.ofEpochDay(epochDays[index(position)]);
    }

    /** @return the index in {@link #epochDays} of the view's day at {@code position} */
    final int index(int position) {
        Objects.checkIndex(position, size());
        return lo + position;
    }

    /** @return the index in {@link #epochDays} of the day, or a negative number when the view has no such day */
    final int indexOf(LocalDate day) {
        long epochDay = day.toEpochDay();
        if (epochDay < fromBound || epochDay >= toBound) {
            return -1;
        }
        int at = Arrays.binarySearch(epochDays, lo, hi, epochDay);
        return at >= 0 ? at : -1;
    }

    private int ceiling(long epochDay) {
        int at = Arrays.binarySearch(epochDays, lo, hi, epochDay);
        return at >= 0 ? at : -at - 1;
    }

    @Override
    public int size() {
        return hi - lo;
    }

    @Override
    public boolean isEmpty() {
        return hi == lo;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof LocalDate && indexOf((LocalDate) key) >= 0;
    }

    @Override
    public V get(Object key) {
        if (!(key instanceof LocalDate)) {
            return null;
        }
        int at = indexOf((LocalDate) key);
        return at >= 0 ? valueAt(at) : null;
    }

    @Override
    public Comparator<? super LocalDate> comparator() {
        return null;
    }

    @Override
    public M subMap(LocalDate fromKey, LocalDate toKey) {
        long from = lowerBound(fromKey);
        long to = upperBound(toKey);
        if (from > to) {
            throw new IllegalArgumentException("fromKey: after toKey");
        }
        return view(ceiling(from), ceiling(to), from, to);
    }

    @Override
    public M headMap(LocalDate toKey) {
        long to = upperBound(toKey);
        return view(lo, ceiling(to), fromBound, to);
    }

    @Override
    public M tailMap(LocalDate fromKey) {
        long from = lowerBound(fromKey);
        return view(ceiling(from), hi, from, toBound);
    }

    /** @return the epoch day of a view's inclusive lower bound, which must be inside this view's bounds */
    private long lowerBound(LocalDate key) {
        long epochDay = key.toEpochDay();
        if (epochDay < fromBound || epochDay >= toBound) {
            throw new IllegalArgumentException("fromKey out of range: " + key);
        }
        return epochDay;
    }

    /** @return the epoch day of a view's exclusive upper bound, which may be this view's own */
    private long upperBound(LocalDate key) {
        long epochDay = key.toEpochDay();
        if (epochDay < fromBound || epochDay > toBound) {
            throw new IllegalArgumentException("toKey out of range: " + key);
        }
        return epochDay;
    }

    @Override
    public LocalDate firstKey() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return LocalDate.ofEpochDay(epochDays[lo]);
    }

    @Override
    public LocalDate lastKey() {
        if (isEmpty()) {
            throw new NoSuchElementException();
        }
        return LocalDate.ofEpochDay(epochDays[hi - 1]);
    }

    @Override
    public Set<LocalDate> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<LocalDate> iterator() {
                return new Positions<>(index -> LocalDate.ofEpochDay(epochDays[index]));
            }

            @Override
            public int size() {
                return PackedDays.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }
        };
    }

    @Override
    public Set<Map.Entry<LocalDate, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<LocalDate, V>> iterator() {
                return new Positions<>(
                        index -> new SimpleImmutableEntry<>(LocalDate.ofEpochDay(epochDays[index]), valueAt(index)));
            }

            @Override
            public int size() {
                return PackedDays.this.size();
            }
        };
    }

    /** What the iterators give for the day at an index. */
    private interface AtIndex<T> {
        T at(int index);
    }

    /** Walks the view's days in order; removing is not supported. */
    private final class Positions<T> implements Iterator<T> {
        private final AtIndex<T> element;
        private int next = lo;

        Positions(AtIndex<T> element) {
            this.element = element;
        }

        @Override
        public boolean hasNext() {
            return next < hi;
        }

        @Override
        public T next() {
            if (next >= hi) {
                throw new NoSuchElementException();
            }
            return element.at(next++);
        }
    }
}
