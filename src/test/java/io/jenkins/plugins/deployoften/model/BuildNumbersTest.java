package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.Test;

/** Build numbers kept as canonical runs answer the "builds never deployed" figures as sets of numbers do. */
public class BuildNumbersTest {
    private static final DeployOutcome[] OUTCOMES = DeployOutcome.values();

    @Test
    public void randomNumbersInAnyOrderGiveTheCanonicalRunsOfTheirFlags() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<int[]> added = new ArrayList<>(); // build, outcome ordinal
            int spread = 1 + random.nextInt(round < 250 ? 20 : 400);
            for (int i = random.nextInt(60); i > 0; i--) {
                added.add(new int[] {1 + random.nextInt(spread), random.nextInt(OUTCOMES.length)});
            }
            BuildNumbers inOrder = numbersOf(added);
            List<int[]> shuffled = new ArrayList<>(added);
            Collections.shuffle(shuffled, random);
            assertThat(numbersOf(shuffled)).isEqualTo(inOrder);
            assertThat(BuildNumbers.ofRuns(inOrder.runs())).isEqualTo(inOrder);
            TreeMap<Integer, Integer> flags = flagsOf(added);
            assertThat(inOrder.distinct()).isEqualTo(flags.size());
            assertThat(expand(inOrder)).isEqualTo(flags);
        }
    }

    @Test
    public void aUnionCountsLikeSetsOfNumbers() {
        Random random = new Random(8);
        for (int round = 0; round < 500; round++) {
            BuildNumbers.Union union = new BuildNumbers.Union();
            List<int[]> all = new ArrayList<>();
            BuildNumbers unionOfAll = BuildNumbers.none();
            for (int period = random.nextInt(10); period > 0; period--) {
                List<int[]> added = new ArrayList<>();
                int from = 1 + random.nextInt(50);
                for (int i = random.nextInt(15); i > 0; i--) {
                    added.add(new int[] {from + random.nextInt(30), random.nextInt(OUTCOMES.length)});
                }
                BuildNumbers numbers = numbersOf(added);
                union.add(numbers);
                unionOfAll = unionOfAll.union(numbers);
                all.addAll(added);
            }
            assertThat(unionOfAll).isEqualTo(numbersOf(all));
            assertThat(union.neverDeployedAndMissing()).containsExactly(bruteForce(all));
        }
    }

    @Test
    public void moreThanTheMostKeptIsTooManyWhateverTheOrder() {
        BuildNumbers numbers = BuildNumbers.none();
        for (int build = 1; build <= BuildNumbers.MOST_KEPT; build++) {
            numbers = numbers.with(2 * build, DeployOutcome.SUCCESS); // one run each
        }
        assertThat(numbers.isTooMany()).isFalse();
        assertThat(numbers.distinct()).isEqualTo(BuildNumbers.MOST_KEPT);
        assertThat(numbers.with(2, DeployOutcome.FAILURE)).isSameAs(numbers);
        BuildNumbers tooMany = numbers.with(1, DeployOutcome.ABORTED);
        assertThat(tooMany.isTooMany()).isTrue();
        assertThat(tooMany.with(5, DeployOutcome.SUCCESS)).isSameAs(tooMany);
        assertThat(numbers.union(BuildNumbers.none().with(3, DeployOutcome.SKIPPED))
                        .isTooMany())
                .isTrue();
        BuildNumbers.Union union = new BuildNumbers.Union().add(numbers).add(tooMany);
        assertThat(union.isTooMany()).isTrue();
        assertThatThrownBy(union::neverDeployedAndMissing).isInstanceOf(IllegalStateException.class);
    }

    @Test
    public void runsThatAreNotCanonicalAreRejected() {
        for (int[] runs : List.of(
                new int[] {1, 2},
                new int[] {0, 1, 1},
                new int[] {3, 2, 1},
                new int[] {1, 1, 4},
                new int[] {1, 2, 1, 3, 4, 1},
                new int[] {1, 5, 1, 4, 6, 0},
                new int[] {1, BuildNumbers.MOST_KEPT + 1, 0})) {
            assertThatThrownBy(() -> BuildNumbers.ofRuns(runs)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(BuildNumbers.ofRuns(new int[] {1, 2, 1, 3, 4, 0}).distinct()).isEqualTo(4);
        assertThat(BuildNumbers.ofRuns(new int[0])).isEqualTo(BuildNumbers.none());
        assertThat(new BuildNumbers.Union().neverDeployedAndMissing()).containsExactly(0, 0);
    }

    private static BuildNumbers numbersOf(List<int[]> added) {
        BuildNumbers numbers = BuildNumbers.none();
        for (int[] build : added) {
            numbers = numbers.with(build[0], OUTCOMES[build[1]]);
        }
        return numbers;
    }

    private static int flagOf(DeployOutcome outcome) {
        if (outcome.isCompleted()) {
            return BuildNumbers.COMPLETED;
        }
        return outcome == DeployOutcome.SKIPPED ? BuildNumbers.SKIPPED : 0;
    }

    private static TreeMap<Integer, Integer> flagsOf(List<int[]> added) {
        TreeMap<Integer, Integer> flags = new TreeMap<>();
        for (int[] build : added) {
            flags.merge(build[0], flagOf(OUTCOMES[build[1]]), (a, b) -> a | b);
        }
        return flags;
    }

    private static TreeMap<Integer, Integer> expand(BuildNumbers numbers) {
        TreeMap<Integer, Integer> flags = new TreeMap<>();
        int[] runs = numbers.runs();
        for (int i = 0; i < runs.length; i += 3) {
            if (i > 0) {
                // canonical: ascending, and contiguous runs differ in their flags
                assertThat(runs[i]).isGreaterThan(runs[i - 2]);
                if (runs[i] == runs[i - 2] + 1) {
                    assertThat(runs[i + 2]).isNotEqualTo(runs[i - 1]);
                }
            }
            for (int build = runs[i]; build <= runs[i + 1]; build++) {
                flags.put(build, runs[i + 2]);
            }
        }
        return flags;
    }

    /** {skipped and never completed, missing between the lowest and highest}, as DeployStatistics defines them. */
    private static int[] bruteForce(List<int[]> all) {
        TreeMap<Integer, Integer> flags = flagsOf(all);
        int skippedOnly = 0;
        for (Map.Entry<Integer, Integer> build : flags.entrySet()) {
            if (build.getValue() == BuildNumbers.SKIPPED) {
                skippedOnly++;
            }
        }
        int missing = flags.isEmpty() ? 0 : flags.lastKey() - flags.firstKey() + 1 - flags.size();
        return new int[] {skippedOnly, missing};
    }
}
