package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** The duration sketch answers nearest-rank percentiles within 1 % (plus half a millisecond). */
public class DurationSketchTest {
    @Test
    public void percentilesAreWithinTheDocumentedErrorOfTheExactNearestRank() {
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(round < 100 ? 20 : 3000);
            List<Duration> durations = new ArrayList<>();
            DurationSketch.Mutable sketch = new DurationSketch.Mutable();
            for (int i = 0; i < size; i++) {
                long millis = random.nextInt(10) == 0 ? 0 : (long) Math.exp(random.nextDouble() * 21); // to ~15 days
                durations.add(Duration.ofMillis(millis));
                sketch.add(Duration.ofMillis(millis));
            }
            Collections.sort(durations);
            DurationSketch built = sketch.toSketch();
            assertThat(built.count()).isEqualTo(size);
            for (int percent = 1; percent <= 100; percent++) {
                long exact = durations.get((percent * size + 99) / 100 - 1).toMillis();
                long estimate = built.nearestRank(percent).orElseThrow().toMillis();
                assertThat((double) Math.abs(estimate - exact))
                        .as("p%d of %d durations: exact %d ms", percent, size, exact)
                        .isLessThanOrEqualTo(DurationSketch.RELATIVE_ACCURACY * exact + 0.5);
            }
        }
    }

    @Test
    public void mergingEqualsAddingEverythingToOneSketch() {
        Random random = new Random(3);
        List<DurationSketch> parts = new ArrayList<>();
        DurationSketch.Mutable all = new DurationSketch.Mutable();
        for (int part = 0; part < 7; part++) {
            DurationSketch.Mutable one = new DurationSketch.Mutable();
            for (int i = 0; i < 100; i++) {
                Duration duration = Duration.ofMillis(random.nextInt(1_000_000));
                one.add(duration);
                all.add(duration);
            }
            parts.add(one.toSketch());
        }
        assertThat(DurationSketch.merge(parts)).isEqualTo(all.toSketch());
        assertThat(DurationSketch.merge(List.of())).isEqualTo(DurationSketch.empty());
    }

    @Test
    public void mergingSketchesOfAnyRangeEqualsAddingEveryDurationToOne() {
        Random random = new Random(41);
        for (int round = 0; round < 300; round++) {
            List<Duration> all = new ArrayList<>();
            List<DurationSketch> parts = new ArrayList<>();
            int partCount = random.nextInt(20);
            for (int part = 0; part < partCount; part++) {
                List<Duration> durations = new ArrayList<>();
                int size = random.nextInt(4) == 0 ? 0 : random.nextInt(60);
                boolean onlyZeros = random.nextInt(6) == 0;
                for (int i = 0; i < size; i++) {
                    // 0 ms, or anything from 1 ms to years: parts whose buckets lie apart, overlap or nest
                    long millis = onlyZeros || random.nextInt(8) == 0 ? 0 : (long) Math.exp(random.nextDouble() * 33);
                    durations.add(Duration.ofMillis(millis));
                }
                all.addAll(durations);
                parts.add(DurationSketch.of(durations));
            }
            DurationSketch merged = DurationSketch.merge(parts);
            DurationSketch expected = DurationSketch.of(all);
            assertThat(merged).isEqualTo(expected);
            assertThat(merged.count()).isEqualTo(all.size());
            for (int percent : new int[] {1, 10, 50, 90, 99, 100}) {
                assertThat(merged.nearestRank(percent)).isEqualTo(expected.nearestRank(percent));
            }
        }
    }

    @Test
    public void mergingAFewBucketsIntoManyEqualsAddingThemOneByOne() {
        // a window's sketch of hundreds of buckets, and day sketches of one to five merged into it: buckets it
        // holds, buckets new to it below, between and above its own, and both in one merge
        Random random = new Random(97);
        for (int round = 0; round < 200; round++) {
            DurationSketch.Mutable window = new DurationSketch.Mutable();
            DurationSketch.Mutable oneByOne = new DurationSketch.Mutable();
            for (int i = 0; i < 100 + random.nextInt(400); i++) {
                Duration duration = Duration.ofMillis(1000 + random.nextInt(10_000_000));
                window.add(duration);
                oneByOne.add(duration);
            }
            for (int day = 0; day < 60; day++) {
                List<Duration> durations = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    long millis =
                            switch (random.nextInt(4)) {
                                case 0 -> random.nextInt(1000); // below the window's buckets, or 0 ms
                                case 1 -> 20_000_000L + random.nextInt(1_000_000_000); // above them
                                default -> 1000 + random.nextInt(10_000_000); // among them
                            };
                    durations.add(Duration.ofMillis(millis));
                }
                durations.forEach(oneByOne::add);
                if (random.nextBoolean()) {
                    window.addAll(DurationSketch.of(durations));
                } else {
                    DurationSketch.Mutable part = new DurationSketch.Mutable();
                    durations.forEach(part::add);
                    window.addAll(part);
                }
                assertThat(window.toSketch())
                        .as("round " + round + ", day " + day)
                        .isEqualTo(oneByOne.toSketch());
            }
            assertThat(window.count()).isEqualTo(oneByOne.count());
        }
    }

    @Test
    public void aMutableAnswersAsTheSketchItBuildsWhateverOrderAndMergesFilledIt() {
        Random random = new Random(23);
        for (int round = 0; round < 300; round++) {
            List<Duration> durations = new ArrayList<>();
            int size = random.nextInt(200);
            for (int i = 0; i < size; i++) {
                // from 0 ms to years, so the buckets' range grows on both sides
                long millis = random.nextInt(8) == 0 ? 0 : (long) Math.exp(random.nextDouble() * 33);
                durations.add(Duration.ofMillis(millis));
            }
            DurationSketch.Mutable oneByOne = new DurationSketch.Mutable();
            durations.forEach(oneByOne::add);
            List<Duration> shuffled = new ArrayList<>(durations);
            Collections.shuffle(shuffled, random);
            DurationSketch.Mutable merged = new DurationSketch.Mutable();
            DurationSketch.Mutable part = new DurationSketch.Mutable();
            for (int i = 0; i < shuffled.size(); i++) {
                part.add(shuffled.get(i));
                if (random.nextInt(10) == 0) {
                    if (random.nextBoolean()) {
                        merged.addAll(part);
                    } else {
                        merged.addAll(part.toSketch());
                    }
                    part = new DurationSketch.Mutable();
                }
            }
            merged.addAll(part);
            assertThat(merged.toSketch()).isEqualTo(oneByOne.toSketch()).isEqualTo(DurationSketch.of(durations));
            assertThat(merged.count()).isEqualTo(size);
            for (int percent : new int[] {1, 10, 50, 90, 99, 100}) {
                assertThat(merged.nearestRank(percent))
                        .isEqualTo(oneByOne.toSketch().nearestRank(percent));
            }
        }
        assertThat(new DurationSketch.Mutable().nearestRank(50)).isEmpty();
        assertThat(new DurationSketch.Mutable().toSketch()).isSameAs(DurationSketch.empty());
    }

    @Test
    public void sketchedIsWhatASketchOfOneDurationAnswers() {
        for (long millis : new long[] {0, 1, 2, 999, 40_000, 90_000, 86_400_000L, 10L * 365 * 86_400_000L}) {
            Duration duration = Duration.ofMillis(millis);
            assertThat(DurationSketch.of(List.of(duration)).median()).contains(DurationSketch.sketched(duration));
            assertThat((double) Math.abs(DurationSketch.sketched(duration).toMillis() - millis))
                    .isLessThanOrEqualTo(DurationSketch.RELATIVE_ACCURACY * millis + 0.5);
        }
        // the buckets as the format keeps them
        DurationSketch sketch = DurationSketch.of(List.of(Duration.ZERO, Duration.ofSeconds(3), Duration.ofSeconds(3)));
        assertThat(DurationSketch.of(sketch.zeros(), sketch.buckets())).isEqualTo(sketch);
        assertThatThrownBy(() -> DurationSketch.of(-1, java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationSketch.of(0, java.util.Map.of(3, 0L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationSketch.of(0, java.util.Map.of(-2, 1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void edgesAreExactOrRejected() {
        assertThat(DurationSketch.empty().nearestRank(50)).isEmpty();
        DurationSketch.Mutable zeros = new DurationSketch.Mutable();
        zeros.add(Duration.ZERO);
        zeros.add(Duration.ofNanos(999_999)); // under a millisecond: the ledger stores 0 ms
        assertThat(zeros.toSketch().nearestRank(100)).contains(Duration.ZERO);
        DurationSketch.Mutable one = new DurationSketch.Mutable();
        one.add(Duration.ofMillis(1));
        assertThat(one.toSketch().nearestRank(1)).contains(Duration.ofMillis(1));
        assertThatThrownBy(() -> one.toSketch().nearestRank(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> one.toSketch().nearestRank(101)).isInstanceOf(IllegalArgumentException.class);
        // ten days need under 1,030 buckets
        assertThat(DurationSketch.bucketOf(Duration.ofDays(10))).isLessThan(1030);
    }
}
