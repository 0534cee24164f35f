package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PendingOverridesTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Path job;
    private PendingOverrides overrides;

    @Before
    public void createJobDirectory() throws IOException {
        job = temporary.newFolder("job").toPath();
        overrides = new PendingOverrides(job);
    }

    private static GateOverride override(String reason) {
        return new GateOverride("alice", reason, NOW);
    }

    @Test
    public void anOverrideIsConsumedExactlyOnce() throws IOException {
        overrides.grant(override("hotfix"));

        assertThat(overrides.pending()).contains(override("hotfix"));
        assertThat(overrides.consume()).contains(override("hotfix"));
        assertThat(overrides.consume()).isEmpty();
        assertThat(overrides.pending()).isEmpty();
        assertThat(overrides.getFile()).doesNotExist();
    }

    @Test
    public void aGrantIsDurableAcrossInstancesAndLeavesNoTemporaryFile() throws IOException {
        overrides.grant(override("hotfix \"quoted\" <b>"));

        assertThat(new PendingOverrides(job).consume()).contains(override("hotfix \"quoted\" <b>"));
        assertThat(job.resolve(PendingOverrides.TEMP_FILE_NAME)).doesNotExist();
    }

    @Test
    public void aLinkPlantedAtTheTemporaryFileIsNotWrittenThrough() throws IOException {
        java.nio.file.Path config = java.nio.file.Files.writeString(job.resolve("config.xml"), "<project/>");
        java.nio.file.Files.createSymbolicLink(job.resolve(PendingOverrides.TEMP_FILE_NAME), config);

        overrides.grant(override("hotfix"));

        assertThat(config).hasContent("<project/>");
        assertThat(overrides.consume()).contains(override("hotfix"));
    }

    @Test
    public void aNewGrantReplacesThePendingOne() throws IOException {
        assertThat(overrides.grant(override("first"))).isEmpty();
        assertThat(overrides.grant(override("second"))).contains(override("first"));

        assertThat(overrides.consume()).contains(override("second"));
        assertThat(overrides.consume()).isEmpty();
    }

    @Test
    public void twoThreadsRacingForOneOverrideGetItOnceBetweenThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                overrides.grant(override("round " + round));
                CyclicBarrier start = new CyclicBarrier(2);
                // separate instances, as two builds of the job would have
                Callable<Optional<GateOverride>> racer = () -> {
                    PendingOverrides own = new PendingOverrides(job);
                    start.await();
                    return own.consume();
                };
                List<Future<Optional<GateOverride>>> results = new ArrayList<>();
                results.add(pool.submit(racer));
                results.add(pool.submit(racer));

                int winners = 0;
                for (Future<Optional<GateOverride>> result : results) {
                    if (result.get().isPresent()) {
                        winners++;
                        assertThat(result.get()).contains(override("round " + round));
                    }
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void anUnreadableOverrideIsMovedAsideAndCountsAsNone() throws IOException {
        Files.write(overrides.getFile(), "{\"v\":1,\"user\":\"alice\"".getBytes(StandardCharsets.UTF_8));

        assertThat(overrides.pending()).isEmpty();
        assertThat(overrides.consume()).isEmpty();
        assertThat(overrides.getFile()).doesNotExist();
        assertThat(job.resolve(PendingOverrides.UNREADABLE_FILE_NAME)).hasContent("{\"v\":1,\"user\":\"alice\"");
    }

    @Test
    public void aGivenBackOverrideNeverReplacesANewerGrant() throws IOException {
        assertThat(overrides.restoreIfNone(override("given back"))).isTrue();
        assertThat(overrides.restoreIfNone(override("second give back"))).isFalse();

        assertThat(overrides.consume()).contains(override("given back"));
    }
}
