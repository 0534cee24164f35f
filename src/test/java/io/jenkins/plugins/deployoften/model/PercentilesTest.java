package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.Test;

public class PercentilesTest {
    @Test
    public void noValuesHaveNoPercentile() {
        assertThat(Percentiles.median(List.<Integer>of())).isEmpty();
        assertThat(Percentiles.nearestRank(List.<Integer>of(), 90)).isEmpty();
    }

    @Test
    public void nearestRankPicksTheValueAtRankCeilingOfPTimesN() {
        List<Integer> values = List.of(7, 1, 10, 3, 5, 9, 2, 8, 4, 6); // sorted: 1..10
        // median: ceil(0.5 * 10) = rank 5 -> 5; p90: ceil(0.9 * 10) = rank 9 -> 9; p100 -> 10; p1 -> rank 1
        assertThat(Percentiles.median(values)).contains(5);
        assertThat(Percentiles.nearestRank(values, 90)).contains(9);
        assertThat(Percentiles.nearestRank(values, 100)).contains(10);
        assertThat(Percentiles.nearestRank(values, 1)).contains(1);
    }

    @Test
    public void theMedianOfAnEvenCountIsTheLowerMiddleValueAndOfAnOddCountTheMiddleOne() {
        assertThat(Percentiles.median(List.of(4, 1, 3, 2))).contains(2); // rank ceil(2.0) = 2
        assertThat(Percentiles.median(List.of(5, 1, 3))).contains(3); // rank ceil(1.5) = 2
        // p90 of 4 values: rank ceil(3.6) = 4
        assertThat(Percentiles.nearestRank(List.of(4, 1, 3, 2), 90)).contains(4);
    }

    @Test
    public void rejectsPercentsOutsideOneToHundred() {
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent")
                .hasMessageContaining("1 and 100");
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1), 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
