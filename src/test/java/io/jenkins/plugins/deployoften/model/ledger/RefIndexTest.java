package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Ref;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.Test;

public class RefIndexTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    public void everyKeyFindsTheLatestRefAddedUnderItWhateverTheOrder() {
        Random random = new Random(7);
        RefIndex.Builder<String> builder = new RefIndex.Builder<>();
        TreeMap<String, Ref> expected = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            String key = "c" + random.nextInt(3_000);
            Ref ref = new Ref(T0.plusSeconds(random.nextInt(100_000)), random.nextInt(50));
            builder.add(key, ref);
            expected.merge(key, ref, (kept, added) -> added.compareTo(kept) >= 0 ? added : kept);
        }
        RefIndex<String> index = builder.build();
        for (Map.Entry<String, Ref> entry : expected.entrySet()) {
            assertThat(index.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(index.get("never indexed")).isNull();
        assertThat(index.asSortedMap()).isEqualTo(expected);
    }

    @Test
    public void anIndexBuiltBeforeIsUnchangedByWhatIsAddedAfter() {
        RefIndex.Builder<Integer> builder = new RefIndex.Builder<>();
        for (int build = 1; build <= 1_000; build++) {
            builder.add(build, new Ref(T0.plusSeconds(build), build));
        }
        RefIndex<Integer> before = builder.build();
        SortedMap<Integer, Ref> snapshot = new TreeMap<>(before.asSortedMap());
        for (int build = 1; build <= 2_000; build++) {
            builder.add(build, new Ref(T0.plusSeconds(10_000 + build), build));
        }
        RefIndex<Integer> after = builder.build();
        assertThat(before.asSortedMap()).isEqualTo(snapshot);
        assertThat(before.get(1)).isEqualTo(new Ref(T0.plusSeconds(1), 1));
        assertThat(after.get(1)).isEqualTo(new Ref(T0.plusSeconds(10_001), 1));
        assertThat(after.asSortedMap()).hasSize(2_000);
        assertThat(before).isNotEqualTo(after);
    }

    @Test
    public void itKeepsALogarithmicNumberOfFrozenMaps() {
        RefIndex.Builder<Integer> builder = new RefIndex.Builder<>();
        int keys = 1 << 18;
        for (int key = 0; key < keys; key++) {
            builder.add(key, new Ref(T0, key));
        }
        int bound = 2 * (31 - Integer.numberOfLeadingZeros(keys / RefIndex.TAIL_LIMIT)) + 1;
        assertThat(builder.build().frozenMaps()).isBetween(1, bound);
    }

    @Test
    public void equalContentMakesEqualIndexesWhateverTheirShape() {
        TreeMap<String, Ref> entries = new TreeMap<>();
        RefIndex.Builder<String> builder = new RefIndex.Builder<>();
        for (int i = 0; i < 1_000; i++) {
            Ref ref = new Ref(T0.plusSeconds(i), i);
            entries.put("k" + i, ref);
            builder.add("k" + i, ref);
        }
        RefIndex<String> folded = builder.build();
        RefIndex<String> decoded = RefIndex.of(entries);
        assertThat(folded.frozenMaps()).isNotEqualTo(decoded.frozenMaps());
        assertThat(folded).isEqualTo(decoded).hasSameHashCodeAs(decoded);
        assertThat(RefIndex.<String>of(Map.of())).isEqualTo(new RefIndex.Builder<String>().build());
    }
}
