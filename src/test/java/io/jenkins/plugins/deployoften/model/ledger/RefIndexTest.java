package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Ref;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    public void aLazyIndexDecodesOnItsFirstUseOnlyAndOnceWhateverTheThreads() throws Exception {
        TreeMap<String, Ref> entries = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            entries.put("c" + i, new Ref(T0.plusSeconds(i), i));
        }
        AtomicInteger decodes = new AtomicInteger();
        RefIndex<String> index = RefIndex.lazy(() -> {
            decodes.incrementAndGet();
            return entries;
        });
        assertThat(decodes).hasValue(0);

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Ref>> lookups = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int key = i * 60;
                lookups.add(threads.submit(() -> {
                    start.await();
                    return index.get("c" + key);
                }));
            }
            start.countDown();
            for (int i = 0; i < 8; i++) {
                assertThat(lookups.get(i).get()).isEqualTo(new Ref(T0.plusSeconds(i * 60L), i * 60));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(decodes).hasValue(1);
        assertThat(index.asSortedMap()).isEqualTo(entries);
        assertThat(index).isEqualTo(RefIndex.of(entries));
        assertThat(decodes).hasValue(1);
    }

    @Test
    public void aBuilderFromALazyIndexKeepsItsEntriesAndAddsToThem() {
        TreeMap<Integer, Ref> entries = new TreeMap<>();
        for (int build = 1; build <= 300; build++) {
            entries.put(build, new Ref(T0.plusSeconds(build), build));
        }
        RefIndex.Builder<Integer> builder = RefIndex.<Integer>lazy(() -> entries).toBuilder();
        builder.add(1, new Ref(T0.plusSeconds(1_000), 1));
        builder.add(301, new Ref(T0.plusSeconds(301), 301));
        RefIndex<Integer> built = builder.build();
        assertThat(built.get(1)).isEqualTo(new Ref(T0.plusSeconds(1_000), 1));
        assertThat(built.get(150)).isEqualTo(new Ref(T0.plusSeconds(150), 150));
        assertThat(built.get(301)).isEqualTo(new Ref(T0.plusSeconds(301), 301));
        assertThat(built.asSortedMap()).hasSize(301);
    }

    @Test
    public void anEmptyLazyIndexFindsNothing() {
        RefIndex<String> index = RefIndex.lazy(Map::of);
        assertThat(index.get("c")).isNull();
        assertThat(index).isEqualTo(RefIndex.empty());
    }
}
