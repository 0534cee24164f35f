package io.jenkins.plugins.deployoften.model.ledger;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An unmodifiable list whose size is known at once and whose elements are decoded on first use, once, from any
 * thread: a summary file's kept records, which most reads never look at.
 *
 * @param <E> the element type
 */
final class LazyList<E> extends AbstractList<E> implements RandomAccess {
    private final int size;

    /** Decodes the elements; {@code null} once they are known. */
    private Supplier<List<E>> decoder;

    private volatile List<E> elements;

    private LazyList(int size, Supplier<List<E>> decoder) {
        this.size = size;
        this.decoder = decoder;
    }

    /**
     * @param size how many elements {@code decode} gives
     * @param decode gives the elements on first use; called at most once
     * @return the list
     */
    static <E> List<E> of(int size, Supplier<List<E>> decode) {
        if (size < 0) {
            throw new IllegalArgumentException("size: must be 0 or more, was " + size);
        }
        return new LazyList<>(size, Objects.requireNonNull(decode, "decode"));
    }

    private List<E> elements() {
        List<E> known = elements;
        if (known == null) {
            synchronized (this) {
                known = elements;
                if (known == null) {
                    known = List.copyOf(decoder.get());
                    if (known.size() != size) {
                        throw new IllegalStateException("decoded " + known.size() + " elements, not " + size);
                    }
                    elements = known;
                    decoder = null;
                }
            }
        }
        return known;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public E get(int index) {
        return elements().get(index);
    }
}
