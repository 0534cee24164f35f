package io.jenkins.plugins.deployoften.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Percentiles by the nearest-rank method: for {@code n} values sorted ascending, the {@code p}-th percentile
 * is the value at rank {@code ceil(p / 100 * n)} (ranks counted from 1). The result is always one of the
 * values, never an interpolation; the median is the 50th percentile, so for an even count it is the lower
 * of the two middle values.
 */
final class Percentiles {
    private Percentiles() {}

    /**
     * @param values the values, in any order; not changed
     * @param percent the percentile, 1 to 100
     * @return the nearest-rank percentile, or empty when there are no values
     */
    static <T extends Comparable<? super T>> Optional<T> nearestRank(Collection<T> values, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent: must be between 1 and 100, was " + percent);
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<T> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (percent * sorted.size() + 99) / 100;
        return Optional.of(sorted.get(rank - 1));
    }

    /** @return the nearest-rank median, or empty when there are no values */
    static <T extends Comparable<? super T>> Optional<T> median(Collection<T> values) {
        return nearestRank(values, 50);
    }
}
