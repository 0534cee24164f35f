package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is on an environment now: the build of the last successful deploy (when, by whom, which commit),
 * and how the last attempt of any outcome went.
 */
public final class EnvironmentStatus {
    private final EnvironmentName environment;
    private final DeployRecord current;
    private final DeployRecord lastAttempt;

    private EnvironmentStatus(EnvironmentName environment, DeployRecord current, DeployRecord lastAttempt) {
        this.environment = environment;
        this.current = current;
        this.lastAttempt = lastAttempt;
    }

    /**
     * Reads the status by start time: the successful deploy that started last and the deploy that ran (not
     * SKIPPED) and started last, among those started by {@code now}, in {@link DeployLedger#START_ORDER}; so a
     * long deploy that ended after a later one started, or a spool replayed late, never changes which build is
     * "on" the environment.
     *
     * @param ledger the job's ledger
     * @param environment the environment
     * @param now deploys started after this (stamped by a clock running ahead) are not on it yet
     * @return its status
     * @throws IOException when the ledger cannot be read at all
     */
    public static EnvironmentStatus of(DeployLedger ledger, EnvironmentName environment, Instant now)
            throws IOException {
        Optional<DeployRecord> lastAttempt = ledger.lastAttemptStartedBy(environment, now);
        Optional<DeployRecord> current =
                lastAttempt.isPresent() && lastAttempt.get().getOutcome() == DeployOutcome.SUCCESS
                        ? lastAttempt
                        : ledger.lastSuccessStartedBy(environment, now);
        return new EnvironmentStatus(environment, current.orElse(null), lastAttempt.orElse(null));
    }

    /**
     * @param environment the environment
     * @param current its last successful deploy, as {@link #getCurrent()} gave it
     * @param lastAttempt its last deploy that ran, as {@link #getLastAttempt()} gave it
     * @return the status, as one stored is read back
     */
    public static EnvironmentStatus of(
            EnvironmentName environment, Optional<DeployRecord> current, Optional<DeployRecord> lastAttempt) {
        return new EnvironmentStatus(
                Objects.requireNonNull(environment, "environment"), current.orElse(null), lastAttempt.orElse(null));
    }

    public EnvironmentName getEnvironment() {
        return environment;
    }

    /** @return the last successful deploy: what runs on the environment now */
    public Optional<DeployRecord> getCurrent() {
        return Optional.ofNullable(current);
    }

    /** @return the last deploy that ran (successful, failed or aborted) */
    public Optional<DeployRecord> getLastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    /** @return whether the last attempt failed or was aborted, so the environment runs an older build */
    public boolean isLastAttemptFailed() {
        return lastAttempt != null && lastAttempt.getOutcome() != DeployOutcome.SUCCESS;
    }
}
