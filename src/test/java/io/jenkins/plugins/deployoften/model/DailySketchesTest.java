package io.jenkins.plugins.deployoften.model;

import static io.jenkins.plugins.deployoften.model.DailyCountsTest.assertSameMap;
import static io.jenkins.plugins.deployoften.model.DailyCountsTest.assertSameViewOrBothRefuse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.Test;

/** The packed sketches of some days read as a tree map of the same sketches and add up as the sketches do. */
public class DailySketchesTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 1);

    @Test
    public void readsAsATreeMapOfTheSameSketchesAndItsViews() {
        Random random = new Random(19);
        for (int round = 0; round < 100; round++) {
            TreeMap<LocalDate, DurationSketch> reference = randomDays(random, random.nextInt(round < 5 ? 2 : 70));
            DailySketches packed = DailySketches.of(reference);
            assertSameMap(packed, reference);
            for (int position = 0; position < packed.size(); position++) {
                assertThat(packed.dayAt(position)).isEqualTo(packed.keySet().toArray()[position]);
                assertThat(packed.countAt(position))
                        .isEqualTo(reference.get(packed.dayAt(position)).count());
            }
            LocalDate from = START.plusDays(random.nextInt(130) - 5);
            LocalDate to = from.plusDays(random.nextInt(60));
            DailySketches sub = packed.subMap(from, to);
            SortedMap<LocalDate, DurationSketch> referenceSub = reference.subMap(from, to);
            assertSameMap(sub, referenceSub);
            LocalDate inner = from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 3) - 1);
            assertSameViewOrBothRefuse(() -> sub.tailMap(inner), () -> referenceSub.tailMap(inner));
            assertSameViewOrBothRefuse(() -> sub.headMap(inner), () -> referenceSub.headMap(inner));

            DurationSketch.Mutable added = new DurationSketch.Mutable();
            sub.addAllTo(added);
            assertThat(added.toSketch()).isEqualTo(DurationSketch.merge(referenceSub.values()));
            assertThatThrownBy(() -> sub.countAt(sub.size())).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    public void aChangedDayReplacesItsSketchAndANewDayIsAddedInOrder() {
        Random random = new Random(23);
        for (int round = 0; round < 100; round++) {
            TreeMap<LocalDate, DurationSketch> reference = randomDays(random, random.nextInt(40));
            DailySketches packed = DailySketches.of(reference);
            Map<LocalDate, DurationSketch> changed = new HashMap<>(randomDays(random, random.nextInt(15)));
            TreeMap<LocalDate, DurationSketch> expected = new TreeMap<>(reference);
            expected.putAll(changed);
            assertSameMap(packed.with(changed), expected);
            assertSameMap(packed, reference);
        }
    }

    private static TreeMap<LocalDate, DurationSketch> randomDays(Random random, int days) {
        TreeMap<LocalDate, DurationSketch> map = new TreeMap<>();
        while (map.size() < days) {
            DurationSketch.Mutable sketch = new DurationSketch.Mutable();
            for (int i = 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 4); i > 0; i--) {
                sketch.add(Duration.ofMillis(random.nextInt(6) == 0 ? 0 : (long) Math.exp(random.nextDouble() * 20)));
            }
            map.put(START.plusDays(random.nextInt(140) - 5), sketch.toSketch());
        }
        return map;
    }
}
