package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a gate rule measured, as values: the measured value next to the limit it was held to, and the evidence a
 * rule passed on. The model decides, the glue words: a finding is never a sentence. Whether the rule held is the
 * {@link RuleVerdict}'s status; the findings of a failed verdict are the ones that failed it.
 *
 * <p>Each kind is a record, so a switch over a finding is checked by the compiler to word every kind.
 */
public sealed interface Finding {
    /**
     * No deploy to the environment started yet.
     *
     * @param environment the environment checked
     * @param recordedEnvironments the environments that do have records (a typo is likely), empty when none
     */
    record NoDeploy(EnvironmentName environment, List<EnvironmentName> recordedEnvironments) implements Finding {
        public NoDeploy {
            Objects.requireNonNull(environment, "environment");
            recordedEnvironments = List.copyOf(recordedEnvironments);
        }
    }

    /**
     * Deploys to the environment started, none succeeded.
     *
     * @param environment the environment checked
     */
    record NoSuccessfulDeploy(EnvironmentName environment) implements Finding {
        public NoSuccessfulDeploy {
            Objects.requireNonNull(environment, "environment");
        }
    }

    /**
     * With trusted sources restricted, no trusted record of a successful deploy in the days read.
     *
     * @param environment the environment checked
     * @param windowDays the days read back
     */
    record NoTrustedSuccess(EnvironmentName environment, int windowDays) implements Finding {
        public NoTrustedSuccess {
            Objects.requireNonNull(environment, "environment");
        }
    }

    /**
     * The successful deploy that started last, and how old it is against the freshness limit.
     *
     * @param environment the environment checked
     * @param age from its start to the evaluation
     * @param maxDays the limit in days
     * @param buildNumber its build
     * @param source the step that recorded it
     */
    record LastSuccess(EnvironmentName environment, Duration age, int maxDays, int buildNumber, DeploySource source)
            implements Finding {
        public LastSuccess {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(age, "age");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Successful deploys counted in the frequency window against the minimum.
     *
     * @param environment the environment checked
     * @param successes the successful deploys counted
     * @param minDeploys the least required
     * @param windowDays the window in days
     */
    record Frequency(EnvironmentName environment, int successes, int minDeploys, int windowDays) implements Finding {
        public Frequency {
            Objects.requireNonNull(environment, "environment");
        }
    }

    /** The gate was given no commit, artifact fingerprint or build number of the candidate. */
    record CandidateNotGiven() implements Finding {}

    /**
     * A successful deploy of the candidate, the evidence the candidate rule passed on.
     *
     * @param environment the environment checked
     * @param candidate the candidate as the gate was given it
     * @param buildNumber the build that deployed it
     * @param matchedBy the identity the deploy shares with the candidate
     * @param source the step that recorded the deploy
     */
    record CandidateDeployed(
            EnvironmentName environment,
            CandidateIdentity candidate,
            int buildNumber,
            CandidateIdentity.Kind matchedBy,
            DeploySource source)
            implements Finding {
        public CandidateDeployed {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(matchedBy, "matchedBy");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * No successful deploy of the candidate to the environment.
     *
     * @param environment the environment checked
     * @param candidate the candidate as the gate was given it
     */
    record CandidateNeverDeployed(EnvironmentName environment, CandidateIdentity candidate) implements Finding {
        public CandidateNeverDeployed {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /**
     * The newest completed deploys, newest first, up to {@code lastDeploys} of them: how many failed before the
     * first success among them.
     *
     * @param environment the environment checked
     * @param lastDeploys how many of the newest completed deploys the rule looks at
     * @param failedInARow the failures met before a success, or before the deploys ran out
     * @param successAmongThem whether a success was among them; without one, {@code failedInARow} below {@code
     *     lastDeploys} means there were fewer completed deploys than that
     */
    record FailureStreak(EnvironmentName environment, int lastDeploys, int failedInARow, boolean successAmongThem)
            implements Finding {
        public FailureStreak {
            Objects.requireNonNull(environment, "environment");
        }

        /** @return whether each of the last {@code lastDeploys} completed deploys failed */
        public boolean allFailed() {
            return !successAmongThem && failedInARow >= lastDeploys;
        }
    }

    /**
     * Failed against completed deploys in the failure-rate window, held to the highest rate allowed.
     *
     * @param environment the environment checked
     * @param failures the failed deploys
     * @param completed the completed (successful or failed) deploys; 0 means no rate
     * @param windowDays the window in days
     * @param maxPercent the highest failure rate allowed, in percent
     */
    record FailureRate(EnvironmentName environment, int failures, int completed, int windowDays, int maxPercent)
            implements Finding {
        public FailureRate {
            Objects.requireNonNull(environment, "environment");
        }

        /** @return failures per hundred completed deploys; only when {@code completed} is above 0 */
        public double percent() {
            return failures * 100.0 / completed;
        }
    }

    /**
     * An override let the release through.
     *
     * @param override the consumed override
     */
    record Overridden(GateOverride override) implements Finding {
        public Overridden {
            Objects.requireNonNull(override, "override");
        }
    }

    /**
     * A verdict as an audit line recorded it: the words it was written with, not values. A verdict read back from
     * an audit line that has no findings (written before they were kept) or whose findings do not decode is one of
     * these, so the trail reads as it was written.
     *
     * @param explanation the recorded explanation
     * @param remedy the recorded remedy, {@code null} when none was recorded
     */
    record Recorded(String explanation, String remedy) implements Finding {
        public Recorded {
            Objects.requireNonNull(explanation, "explanation");
            remedy = remedy == null || remedy.isBlank() ? null : remedy;
        }
    }
}
