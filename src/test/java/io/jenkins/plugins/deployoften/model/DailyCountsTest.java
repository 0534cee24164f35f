package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.Test;

/**
 * The packed days answer every read exactly as a tree map of the same counts does, their views follow the rules
 * of a tree map's views, and the parts {@link DailyCounts#forEachDay} reads in place are those of the counts.
 */
public class DailyCountsTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    public void readsAsATreeMapOfTheSameCounts() {
        Random random = new Random(3);
        for (int round = 0; round < 60; round++) {
            TreeMap<LocalDate, DeployCounts> reference = randomDays(random, random.nextInt(round < 5 ? 3 : 80));
            DailyCounts packed = DailyCounts.of(reference);
            assertSameMap(packed, reference);
            assertThat(packed.records())
                    .isEqualTo(reference.values().stream()
                            .mapToLong(DeployCounts::total)
                            .sum());
            for (int probe = 0; probe < 40; probe++) {
                LocalDate day = START.plusDays(random.nextInt(200) - 10);
                assertThat(packed.get(day)).isEqualTo(reference.get(day));
                assertThat(packed.containsKey(day)).isEqualTo(reference.containsKey(day));
                assertThat(packed.failedOn(day).isPresent()).isEqualTo(reference.containsKey(day));
                if (reference.containsKey(day)) {
                    assertThat(packed.failedOn(day).getAsInt())
                            .isEqualTo(reference.get(day).failed());
                }
            }
        }
    }

    @Test
    public void viewsAndViewsOfViewsAreThoseOfATreeMap() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            TreeMap<LocalDate, DeployCounts> reference = randomDays(random, 1 + random.nextInt(60));
            DailyCounts packed = DailyCounts.of(reference);
            LocalDate from = START.plusDays(random.nextInt(150) - 10);
            LocalDate to = from.plusDays(random.nextInt(100));
            DailyCounts sub = packed.subMap(from, to);
            SortedMap<LocalDate, DeployCounts> referenceSub = reference.subMap(from, to);
            assertSameMap(sub, referenceSub);
            assertSameMap(packed.headMap(to), reference.headMap(to));
            assertSameMap(packed.tailMap(from), reference.tailMap(from));
            // inside, at and beyond the view's bounds: the same view, or the same refusal
            LocalDate inner = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 3) - 1);
            LocalDate later = inner.plusDays(random.nextInt(4));
            assertSameViewOrBothRefuse(() -> sub.headMap(inner), () -> referenceSub.headMap(inner));
            assertSameViewOrBothRefuse(() -> sub.tailMap(inner), () -> referenceSub.tailMap(inner));
            assertSameViewOrBothRefuse(() -> sub.subMap(inner, later), () -> referenceSub.subMap(inner, later));
            assertSameViewOrBothRefuse(() -> sub.subMap(later, inner), () -> referenceSub.subMap(later, inner));
            LocalDate outside = to.plusDays(1 + random.nextInt(5));
            assertThat(sub.get(outside)).isNull();
            assertThat(sub.get(from.minusDays(1))).isNull();
        }
        DailyCounts none = DailyCounts.none();
        assertThatThrownBy(() -> none.subMap(START, START.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void aChangedDayReplacesItsCountsAndANewDayIsAddedInOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            TreeMap<LocalDate, DeployCounts> reference = randomDays(random, random.nextInt(50));
            DailyCounts packed = DailyCounts.of(reference);
            Map<LocalDate, DeployCounts> changed = new HashMap<>(randomDays(random, random.nextInt(20)));
            DailyCounts merged = packed.with(changed);
            TreeMap<LocalDate, DeployCounts> expected = new TreeMap<>(reference);
            expected.putAll(changed);
            assertSameMap(merged, expected);
            assertSameMap(packed, reference); // unchanged
            LocalDate from = START.plusDays(random.nextInt(120));
            assertSameMap(packed.tailMap(from).with(changed).tailMap(from), expected.tailMap(from));
        }
    }

    @Test
    public void eachDayReadInPlaceHasTheCountsSketchesAndBuildsOfItsValue() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            TreeMap<LocalDate, DeployCounts> reference = randomDays(random, 1 + random.nextInt(60));
            DailyCounts packed = DailyCounts.of(reference);
            Iterator<Map.Entry<LocalDate, DeployCounts>> expected =
                    reference.entrySet().iterator();
            // targets that already hold many buckets, so merging a day takes both of the sketch's merge paths
            DurationSketch.Mutable durations = filled(random);
            DurationSketch.Mutable durationsOneByOne = new DurationSketch.Mutable().addAll(durations);
            BuildNumbers.Union builds = new BuildNumbers.Union();
            BuildNumbers.Union buildsOneByOne = new BuildNumbers.Union();
            List<LocalDate> seen = new ArrayList<>();
            packed.forEachDay(day -> {
                Map.Entry<LocalDate, DeployCounts> entry = expected.next();
                DeployCounts counts = entry.getValue();
                seen.add(LocalDate.ofEpochDay(day.epochDay()));
                assertThat(LocalDate.ofEpochDay(day.epochDay())).isEqualTo(entry.getKey());
                assertThat(new int[] {day.successful(), day.failed(), day.aborted(), day.skipped()})
                        .containsExactly(counts.successful(), counts.failed(), counts.aborted(), counts.skipped());
                DurationSketch.Mutable leadTimes = new DurationSketch.Mutable();
                day.addLeadTimesTo(leadTimes);
                assertThat(leadTimes.toSketch()).isEqualTo(counts.leadTimes());
                day.addDurationsTo(durations);
                durationsOneByOne.addAll(counts.durations());
                assertThat(durations.toSketch()).isEqualTo(durationsOneByOne.toSketch());
                day.addBuildsTo(builds);
                buildsOneByOne.add(counts.builds());
            });
            assertThat(seen).containsExactlyElementsOf(reference.keySet());
            assertThat(builds.isTooMany()).isEqualTo(buildsOneByOne.isTooMany());
            if (!builds.isTooMany()) {
                assertThat(builds.neverDeployedAndMissing()).containsExactly(buildsOneByOne.neverDeployedAndMissing());
            }
        }
    }

    @Test
    public void cannotBeChangedInPlace() {
        TreeMap<LocalDate, DeployCounts> reference = randomDays(new Random(13), 5);
        DailyCounts packed = DailyCounts.of(reference);
        LocalDate first = reference.firstKey();
        assertThatThrownBy(() -> packed.put(first, DeployCounts.NONE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> packed.remove(first)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(packed::clear).isInstanceOf(UnsupportedOperationException.class);
        Iterator<Map.Entry<LocalDate, DeployCounts>> entries = packed.entrySet().iterator();
        entries.next();
        assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
        assertSameMap(packed, reference);
    }

    @Test
    public void daysMustBeAddedInAscendingOrder() {
        DailyCounts.Builder builder = new DailyCounts.Builder(1).add(START, DeployCounts.NONE);
        assertThatThrownBy(() -> builder.add(START, DeployCounts.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after");
        assertThatThrownBy(() -> builder.add(START.minusDays(1), DeployCounts.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.add(START.plusDays(1), DeployCounts.NONE).build().keySet())
                .containsExactly(START, START.plusDays(1));
    }

    static <V> void assertSameViewOrBothRefuse(
            Supplier<SortedMap<LocalDate, V>> packed, Supplier<SortedMap<LocalDate, V>> reference) {
        SortedMap<LocalDate, V> expected;
        try {
            expected = reference.get();
        } catch (IllegalArgumentException refused) {
            assertThatThrownBy(packed::get).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        assertSameMap(packed.get(), expected);
    }

    static <V> void assertSameMap(SortedMap<LocalDate, V> packed, SortedMap<LocalDate, V> reference) {
        assertThat(packed).isEqualTo(reference);
        assertThat(reference).isEqualTo(packed);
        assertThat(packed.hashCode()).isEqualTo(reference.hashCode());
        assertThat(packed.size()).isEqualTo(reference.size());
        assertThat(packed.isEmpty()).isEqualTo(reference.isEmpty());
        assertThat(new ArrayList<>(packed.keySet())).containsExactlyElementsOf(reference.keySet());
        assertThat(new ArrayList<>(packed.values())).containsExactlyElementsOf(reference.values());
        if (reference.isEmpty()) {
            assertThatThrownBy(packed::firstKey).isInstanceOf(java.util.NoSuchElementException.class);
            assertThatThrownBy(packed::lastKey).isInstanceOf(java.util.NoSuchElementException.class);
        } else {
            assertThat(packed.firstKey()).isEqualTo(reference.firstKey());
            assertThat(packed.lastKey()).isEqualTo(reference.lastKey());
        }
        assertThat(packed.comparator()).isNull();
    }

    /** Days between START - 5 and START + 150, each with random counts as folding records would give them. */
    static TreeMap<LocalDate, DeployCounts> randomDays(Random random, int days) {
        TreeMap<LocalDate, DeployCounts> map = new TreeMap<>();
        while (map.size() < days) {
            map.put(START.plusDays(random.nextInt(155) - 5), randomCounts(random));
        }
        return map;
    }

    private static DeployCounts randomCounts(Random random) {
        if (random.nextInt(40) == 0) {
            return tooManyBuilds(random);
        }
        int successful = random.nextInt(4);
        int failed = random.nextInt(3);
        int aborted = random.nextInt(2);
        int skipped = successful + failed + aborted == 0 ? 1 : random.nextInt(2);
        DurationSketch.Mutable durations = new DurationSketch.Mutable();
        for (int i = 0; i < successful + failed; i++) {
            durations.add(randomDuration(random));
        }
        DurationSketch.Mutable leadTimes = new DurationSketch.Mutable();
        for (int i = random.nextInt(successful + 1); i > 0; i--) {
            leadTimes.add(randomDuration(random));
        }
        BuildNumbers builds = BuildNumbers.none();
        int build = 1 + random.nextInt(500);
        builds = withOutcomes(builds, build, successful, DeployOutcome.SUCCESS, random);
        builds = withOutcomes(builds, build, failed, DeployOutcome.FAILURE, random);
        builds = withOutcomes(builds, build, aborted, DeployOutcome.ABORTED, random);
        builds = withOutcomes(builds, build, skipped, DeployOutcome.SKIPPED, random);
        return new DeployCounts(
                successful, failed, aborted, skipped, durations.toSketch(), leadTimes.toSketch(), builds);
    }

    private static BuildNumbers withOutcomes(
            BuildNumbers builds, int around, int records, DeployOutcome outcome, Random random) {
        BuildNumbers with = builds;
        for (int i = 0; i < records; i++) {
            with = with.with(around + random.nextInt(6), outcome);
        }
        return with;
    }

    /** A day with more distinct build numbers than are kept. */
    private static DeployCounts tooManyBuilds(Random random) {
        int skipped = BuildNumbers.MOST_KEPT + 1 + random.nextInt(5);
        return new DeployCounts(
                0, 0, 0, skipped, DurationSketch.empty(), DurationSketch.empty(), BuildNumbers.tooMany());
    }

    private static Duration randomDuration(Random random) {
        return Duration.ofMillis(random.nextInt(8) == 0 ? 0 : (long) Math.exp(random.nextDouble() * 20));
    }

    private static DurationSketch.Mutable filled(Random random) {
        DurationSketch.Mutable sketch = new DurationSketch.Mutable();
        for (int i = random.nextInt(400); i > 0; i--) {
            sketch.add(randomDuration(random));
        }
        return sketch;
    }
}
