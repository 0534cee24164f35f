package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.gate.GateRule;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The release gate with the default policy on a {@link FileDeployLedger} on disk, its summary warm, for a release
 * candidate that was never deployed (CANDIDATE_PRACTISED finds no match) and for one deployed in the middle of the
 * history; and, for reference, the never-deployed candidate checked by the scan the rule used before the summary
 * ({@link DeployLedger#lastSuccessOfCandidate}'s default).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GateCandidateBenchmark {
    private static final GatePolicy POLICY = GatePolicy.defaults();

    /** A job directory with a ledger of {@code records} deploys and its summary written. */
    @State(Scope.Benchmark)
    public static class Ledger {
        @Param({"1000", "10000", "100000"})
        int records;

        Path jobDirectory;
        FileDeployLedger ledger;
        DeployLedger scanning;
        CandidateIdentity neverDeployed;
        CandidateIdentity deployed;

        @Setup(Level.Trial)
        public void writeLedger() throws IOException {
            List<DeployRecord> history = DeployHistory.generate(records);
            jobDirectory = TemporaryDirectory.create("gate-candidate");
            ledger = DeployHistory.writeLedger(jobDirectory, history);
            scanning = new ScanningLedger(ledger);
            neverDeployed = CandidateIdentity.ofBuild(records + 1)
                    .withCommit("0000000000000000000000000000000000000000")
                    .withArtifactFingerprint("ffffffffffffffffffffffffffffffff");
            DeployRecord middle = history.subList(records / 2, records).stream()
                    .filter(r -> r.getOutcome() == DeployOutcome.SUCCESS)
                    .findFirst()
                    .orElseThrow();
            deployed = CandidateIdentity.ofBuild(middle.getBuildNumber())
                    .withCommit(middle.getCommit().orElseThrow())
                    .withArtifactFingerprint(middle.getArtifactFingerprint().orElseThrow());
            // builds and writes the summary, and checks that both paths answer the same
            check(evaluate(ledger, neverDeployed), evaluate(scanning, neverDeployed), false);
            check(evaluate(ledger, deployed), evaluate(scanning, deployed), true);
        }

        private static void check(GateDecision summary, GateDecision scan, boolean practised) {
            boolean failed = summary.failedRules().contains(GateRule.CANDIDATE_PRACTISED);
            if (!summary.equals(scan) || failed == practised) {
                throw new IllegalStateException("the summary and the scan disagree: " + summary + " / " + scan);
            }
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            TemporaryDirectory.delete(jobDirectory);
        }
    }

    static GateDecision evaluate(DeployLedger ledger, CandidateIdentity candidate) throws IOException {
        return POLICY.evaluate(ledger, DeployHistory.ENVIRONMENT_NAME, candidate, DeployHistory.NOW, Optional.empty());
    }

    @Benchmark
    public GateStatus gateNeverDeployedCandidate(Ledger state) throws IOException {
        return evaluate(state.ledger, state.neverDeployed).getStatus();
    }

    @Benchmark
    public GateStatus gateDeployedCandidate(Ledger state) throws IOException {
        return evaluate(state.ledger, state.deployed).getStatus();
    }

    @Benchmark
    public GateStatus gateNeverDeployedCandidateByScan(Ledger state) throws IOException {
        return evaluate(state.scanning, state.neverDeployed).getStatus();
    }

    /** The file ledger with the interface's default candidate look-up: the backwards scan. */
    private static final class ScanningLedger implements DeployLedger {
        private final DeployLedger ledger;

        ScanningLedger(DeployLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void append(DeployRecord record) throws IOException {
            ledger.append(record);
        }

        @Override
        public LedgerRead readSince(Instant from) throws IOException {
            return ledger.readSince(from);
        }

        @Override
        public LedgerRead readAll() throws IOException {
            return ledger.readAll();
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
            return ledger.findLast(matching);
        }

        @Override
        public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
            return ledger.readRecent(skip, limit);
        }

        @Override
        public String version() throws IOException {
            return ledger.version();
        }

        @Override
        public Compaction compact(Instant horizon) throws IOException {
            return ledger.compact(horizon);
        }
    }
}
