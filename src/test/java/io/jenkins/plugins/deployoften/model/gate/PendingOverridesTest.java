package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static final CandidateIdentity BUILD_42 =
            CandidateIdentity.ofBuild(42).withCommit("aaaa1111");

    private static GateOverride override(String reason) {
        return GateFixtures.overrideFor42("alice", reason, NOW);
    }

    /** The gate evaluation of the candidate the override is for, an hour after the grant. */
    private Optional<GateOverride> consume(PendingOverrides from) throws IOException {
        return from.consume(BUILD_42, NOW.plusSeconds(3600));
    }

    @Test
    public void anOverrideIsConsumedExactlyOnce() throws IOException {
        overrides.grant(override("hotfix"));

        assertThat(overrides.pending()).contains(override("hotfix"));
        assertThat(consume(overrides)).contains(override("hotfix"));
        assertThat(consume(overrides)).isEmpty();
        assertThat(overrides.pending()).isEmpty();
        assertThat(overrides.getFile()).doesNotExist();
    }

    @Test
    public void aGrantIsDurableAcrossInstancesAndLeavesNoTemporaryFile() throws IOException {
        overrides.grant(override("hotfix \"quoted\" <b>"));

        assertThat(consume(new PendingOverrides(job))).contains(override("hotfix \"quoted\" <b>"));
        assertThat(job.resolve(PendingOverrides.TEMP_FILE_NAME)).doesNotExist();
    }

    @Test
    public void aLinkPlantedAtTheTemporaryFileIsNotWrittenThrough() throws IOException {
        java.nio.file.Path config = java.nio.file.Files.writeString(job.resolve("config.xml"), "<project/>");
        java.nio.file.Files.createSymbolicLink(job.resolve(PendingOverrides.TEMP_FILE_NAME), config);

        overrides.grant(override("hotfix"));

        assertThat(config).hasContent("<project/>");
        assertThat(consume(overrides)).contains(override("hotfix"));
    }

    @Test
    public void aNewGrantReplacesThePendingOne() throws IOException {
        assertThat(overrides.grant(override("first"))).isEmpty();
        assertThat(overrides.grant(override("second"))).contains(override("first"));

        assertThat(consume(overrides)).contains(override("second"));
        assertThat(consume(overrides)).isEmpty();
    }

    @Test
    public void twoThreadsRacingForOneOverrideGetItOnceBetweenThemAndAnotherCandidateNever() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 25; round++) {
                overrides.grant(override("round " + round));
                CyclicBarrier start = new CyclicBarrier(3);
                // separate instances, as builds of the job would have
                Callable<Optional<GateOverride>> racer = () -> {
                    PendingOverrides own = new PendingOverrides(job);
                    start.await();
                    return consume(own);
                };
                Future<Optional<GateOverride>> otherCandidate = pool.submit(() -> {
                    PendingOverrides own = new PendingOverrides(job);
                    start.await();
                    return own.consume(CandidateIdentity.ofBuild(43).withCommit("bbbb2222"), NOW);
                });
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
                assertThat(otherCandidate.get()).as("round %d", round).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void anUnreadableOverrideIsMovedAsideAndCountsAsNone() throws IOException {
        Files.write(overrides.getFile(), "{\"v\":1,\"user\":\"alice\"".getBytes(StandardCharsets.UTF_8));

        assertThat(overrides.pending()).isEmpty();
        assertThat(consume(overrides)).isEmpty();
        assertThat(overrides.getFile()).doesNotExist();
        assertThat(job.resolve(PendingOverrides.UNREADABLE_FILE_NAME)).hasContent("{\"v\":1,\"user\":\"alice\"");
    }

    @Test
    public void aGivenBackOverrideNeverReplacesANewerGrant() throws IOException {
        assertThat(overrides.restoreIfNone(override("given back"))).isTrue();
        assertThat(overrides.restoreIfNone(override("second give back"))).isFalse();

        assertThat(consume(overrides)).contains(override("given back"));
    }

    @Test
    public void anOverrideForAnotherCandidateStaysPendingUntouched() throws IOException {
        overrides.grant(override("hotfix for #42"));
        byte[] stored = Files.readAllBytes(overrides.getFile());

        CandidateIdentity build43 = CandidateIdentity.ofBuild(43).withCommit("bbbb2222");
        assertThat(overrides.consume(build43, NOW.plusSeconds(60))).isEmpty();
        assertThat(overrides.consume(CandidateIdentity.none(), NOW.plusSeconds(60)))
                .isEmpty();

        assertThat(overrides.getFile()).hasBinaryContent(stored);
        assertThat(consume(overrides)).contains(override("hotfix for #42"));
    }

    @Test
    public void aCommitBindingMatchesTheSameCommitInEitherCaseWhateverTheBuild() throws IOException {
        GateOverride forCommit =
                GateFixtures.overrideFor(CandidateIdentity.none().withCommit("AAAA1111"), "alice", "hotfix", NOW);
        overrides.grant(forCommit);

        assertThat(overrides.consume(CandidateIdentity.ofBuild(42).withCommit("aaaa111"), NOW))
                .isEmpty();
        assertThat(overrides.consume(CandidateIdentity.ofBuild(44).withCommit("aaaa1111"), NOW))
                .contains(forCommit);
    }

    @Test
    public void anOverrideIsUsableUntilJustBeforeItExpires() throws IOException {
        GateOverride override = override("hotfix");
        overrides.grant(override);

        assertThat(overrides.consume(BUILD_42, override.expiresAt())).isEmpty();
        assertThat(overrides.consume(BUILD_42, override.expiresAt().plusSeconds(3600)))
                .isEmpty();
        assertThat(overrides.pending()).contains(override);

        assertThat(overrides.consume(BUILD_42, override.expiresAt().minusMillis(1)))
                .contains(override);
    }

    @Test
    public void anExpiredOverrideDoesNotBlockANewGrant() throws IOException {
        GateOverride expired = override("first");
        overrides.grant(expired);
        assertThat(overrides.consume(BUILD_42, expired.expiresAt())).isEmpty();

        GateOverride renewed = GateFixtures.overrideFor42("bob", "second", expired.expiresAt());
        assertThat(overrides.grant(renewed)).contains(expired);

        assertThat(overrides.consume(BUILD_42, expired.expiresAt().plusSeconds(1)))
                .contains(renewed);
    }

    @Test
    public void anOverrideFileOfThePreviousVersionIsShownUnboundAndLetsNothingThrough() throws IOException {
        String previous = "{\"v\":1,\"user\":\"alice\",\"reason\":\"hotfix\",\"granted\":\"2026-03-02T12:00:00Z\"}\n";
        Files.writeString(overrides.getFile(), previous);

        Optional<GateOverride> pending = overrides.pending();
        assertThat(pending).isPresent();
        assertThat(pending.get().user()).isEqualTo("alice");
        assertThat(pending.get().reason()).isEqualTo("hotfix");
        assertThat(pending.get().isBound()).isFalse();
        assertThat(pending.get().isExpiredAt(NOW)).isTrue();
        // not the build, nor any identity, nor before its grant
        assertThat(overrides.consume(BUILD_42, NOW)).isEmpty();
        assertThat(overrides.consume(CandidateIdentity.none(), NOW.minusSeconds(60)))
                .isEmpty();
        assertThat(overrides.getFile()).hasContent(previous.strip());
        // a grant replaces it
        assertThat(overrides.grant(override("bound now"))).contains(pending.get());
        assertThat(consume(overrides)).contains(override("bound now"));
    }

    @Test
    public void theFileNamesTheBindingAndTheExpiryAndAnIncompleteOneIsUnreadable() throws IOException {
        overrides.grant(override("hotfix"));

        assertThat(Files.readString(overrides.getFile()))
                .isEqualTo("{\"v\":2,\"user\":\"alice\",\"reason\":\"hotfix\",\"granted\":\"2026-03-02T12:00:00Z\","
                        + "\"candidate\":{\"build\":42},\"expires\":\"2026-03-03T12:00:00Z\"}\n");
        for (String incomplete : new String[] {
            "{\"v\":2,\"user\":\"a\",\"reason\":\"r\",\"granted\":\"2026-03-02T12:00:00Z\"}",
            "{\"v\":2,\"user\":\"a\",\"reason\":\"r\",\"granted\":\"2026-03-02T12:00:00Z\",\"candidate\":{},"
                    + "\"expires\":\"2026-03-03T12:00:00Z\"}",
            "{\"v\":2,\"user\":\"a\",\"reason\":\"r\",\"granted\":\"2026-03-02T12:00:00Z\","
                    + "\"candidate\":{\"build\":42,\"commit\":\"aaaa1111\"},\"expires\":\"2026-03-03T12:00:00Z\"}",
            "{\"v\":2,\"user\":\"a\",\"reason\":\"r\",\"granted\":\"2026-03-02T12:00:00Z\","
                    + "\"candidate\":{\"build\":42}}"
        }) {
            Files.writeString(overrides.getFile(), incomplete);
            assertThat(overrides.pending()).as(incomplete).isEmpty();
            assertThat(consume(overrides)).as(incomplete).isEmpty();
            assertThat(overrides.getFile()).as(incomplete).doesNotExist();
        }
    }

    @Test
    public void anUnboundOverrideCannotBeGranted() {
        assertThatThrownBy(() -> overrides.grant(GateOverride.unbound("alice", "hotfix", NOW)))
                .hasMessageStartingWith("override: must be bound");
        assertThat(overrides.getFile()).doesNotExist();
    }
}
