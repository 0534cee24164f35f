package io.jenkins.plugins.deployoften.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

public class DeployLaneTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final DeployLane lane = new DeployLane();

    @After
    public void stopPool() {
        pool.shutdownNow();
    }

    @Test
    public void aFreeLaneAdmitsAtOnce() throws InterruptedException {
        try (DeployLane.Admission admission = lane.enter(5)) {
            assertThat(admission.isGranted()).isTrue();
            assertThat(admission.getSupersededBy()).isEmpty();
        }
    }

    @Test
    public void anOlderBuildArrivingAfterANewerOneStartedIsSuperseded() throws InterruptedException {
        lane.enter(7).close();

        DeployLane.Admission late = lane.enter(6);

        assertThat(late.isGranted()).isFalse();
        assertThat(late.getSupersededBy()).hasValue(7);
        assertThat(lane.supersededBy(6)).hasValue(7);
        assertThat(lane.supersededBy(8)).isEmpty();
    }

    @Test
    public void whileOneBuildDeploysTheNewestWaiterGoesNextAndOlderWaitersAreSuperseded() throws Exception {
        DeployLane.Admission first = lane.enter(5);
        Future<DeployLane.Admission> six = pool.submit(() -> lane.enter(6));
        awaitWaiting(6);
        Future<DeployLane.Admission> seven = pool.submit(() -> lane.enter(7));

        // build 6 learns at once that 7 makes its deploy pointless, without waiting for 5 to finish
        DeployLane.Admission sixAdmission = six.get(5, TimeUnit.SECONDS);
        assertThat(sixAdmission.getSupersededBy()).hasValue(7);
        assertThat(seven.isDone()).isFalse();

        first.close();
        DeployLane.Admission sevenAdmission = seven.get(5, TimeUnit.SECONDS);
        assertThat(sevenAdmission.isGranted()).isTrue();
        sevenAdmission.close();
    }

    @Test
    public void neverTwoDeploysAtOnceAndTheNewestBuildAlwaysDeploys() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Integer> deployed = new CopyOnWriteArrayList<>();
        List<Integer> superseded = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> builds = new java.util.ArrayList<>();
        for (int build = 1; build <= 40; build++) {
            int number = build;
            builds.add(pool.submit(() -> {
                start.await();
                try (DeployLane.Admission admission = lane.enter(number)) {
                    if (admission.isGranted()) {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(1);
                        deployed.add(number);
                        inside.decrementAndGet();
                    } else {
                        assertThat(admission.getSupersededBy().getAsInt()).isGreaterThan(number);
                        superseded.add(number);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> build : builds) {
            build.get(30, TimeUnit.SECONDS);
        }

        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(deployed).contains(40).isSorted();
        assertThat(deployed.size() + superseded.size()).isEqualTo(40);
    }

    @Test
    public void aBuildAbortedWhileWaitingLeavesTheLane() throws Exception {
        DeployLane.Admission first = lane.enter(1);
        Future<DeployLane.Admission> two = pool.submit(() -> lane.enter(2));
        awaitWaiting(2);

        two.cancel(true);
        first.close();

        try (DeployLane.Admission three = lane.enter(3)) {
            assertThat(three.isGranted()).isTrue();
        }
    }

    @Test
    public void aBuildAbortedBeforeTheLaneCameFreeNeverTakesIt() throws Exception {
        // the state a notify and an interrupt arriving together leave a waiting build in: interrupted, lane free
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> lane.enter(1)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }

        try (DeployLane.Admission two = lane.enter(2)) {
            assertThat(two.isGranted()).isTrue();
        }
    }

    @Test
    public void lanesAreSeparatePerJobAndEnvironment() {
        DeployLanes lanes = new DeployLanes();
        EnvironmentName staging = EnvironmentName.of("staging");

        assertThat(lanes.lane("a", staging)).isSameAs(lanes.lane("a", staging));
        assertThat(lanes.lane("a", staging)).isNotSameAs(lanes.lane("b", staging));
        assertThat(lanes.lane("a", staging)).isNotSameAs(lanes.lane("a", EnvironmentName.of("qa")));
    }

    /** Waits until the build is registered as waiting: a newer build then supersedes the older one. */
    private void awaitWaiting(int buildNumber) throws InterruptedException {
        for (int i = 0; i < 500 && lane.supersededBy(buildNumber - 1).isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(lane.supersededBy(buildNumber - 1)).hasValue(buildNumber);
    }
}
