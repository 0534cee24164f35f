package io.jenkins.plugins.deployoften.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One deploy attempt of one build to one environment, as kept in a {@link DeployLedger}. Immutable.
 * Build with {@link #builder(String, String, int)}.
 */
public final class DeployRecord {
    /** The most characters kept of free text (reason, message, trigger); longer text is cut. */
    public static final int MAX_TEXT = 1000;

    /**
     * The earliest instant a record may hold (start, end, commit time, and a ledger line's recorded stamp):
     * 1970-01-01T00:00:00Z. Every instant of a record lies in {@link #EARLIEST} to {@link #LATEST}, a range every
     * store holds (PostgreSQL's timestamps, ISO-8601 with a four-digit year) and in which no duration between two
     * of them overflows.
     */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    /** The latest instant a record may hold, its end included: 9999-12-31T23:59:59.999999999Z. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * @param field the field, for the message
     * @param instant an instant
     * @throws IllegalArgumentException naming the field and the range when the instant is outside it
     */
    public static void checkInRange(String field, Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException(
                    field + ": must be from " + EARLIEST + " to " + LATEST + ", was " + instant);
        }
    }

    /**
     * The rule for a record's commit and artifact fingerprint, the same as for a release candidate's: one word
     * (no whitespace) of at most {@link #MAX_TEXT} characters.
     *
     * @param field the field the word was entered in, such as {@code commit}
     * @param value the word; {@code null} or blank is acceptable and means none
     * @return what is wrong with it, or empty when it is acceptable
     */
    public static Optional<FieldProblem> problemWithIdentity(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.chars().anyMatch(Character::isWhitespace) || trimmed.length() > MAX_TEXT) {
            return Optional.of(new FieldProblem(field, FieldProblem.Kind.NOT_ONE_WORD, 1, MAX_TEXT, trimmed, ""));
        }
        return Optional.empty();
    }

    /** @return the instant, or the nearer end of {@link #EARLIEST} to {@link #LATEST} when outside it */
    public static Instant clampToRange(Instant instant) {
        return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    }

    private final EnvironmentName environment;
    private final String jobFullName;
    private final int buildNumber;
    private final String buildUrl;
    private final String commit;
    private final Instant commitTime;
    private final String artifactFingerprint;
    private final DeployOutcome outcome;
    private final String reason;
    private final Instant startedAt;
    private final Duration duration;
    private final String trigger;
    private final String message;
    private final DeploySource source;

    private DeployRecord(Builder builder) {
        this.environment = builder.environment;
        this.jobFullName = builder.jobFullName;
        this.buildNumber = builder.buildNumber;
        this.buildUrl = builder.buildUrl;
        this.commit = builder.commit;
        this.commitTime = builder.commitTime;
        this.artifactFingerprint = builder.artifactFingerprint;
        this.outcome = builder.outcome;
        this.reason = builder.reason;
        this.startedAt = builder.startedAt;
        this.duration = builder.duration;
        this.trigger = builder.trigger;
        this.message = builder.message;
        this.source = builder.source;
    }

    /**
     * Starts a record.
     *
     * @param environment the environment deployed to; validated
     * @param jobFullName the job's full name, such as {@code folder/app}
     * @param buildNumber the build's number, at least 1
     * @return a builder; outcome and start time must be set before {@link Builder#build()}
     */
    public static Builder builder(String environment, String jobFullName, int buildNumber) {
        return new Builder(EnvironmentName.of(environment), jobFullName, buildNumber);
    }

    /** @return a builder holding this record's values, to derive a changed copy */
    public Builder toBuilder() {
        Builder builder = new Builder(environment, jobFullName, buildNumber)
                .buildUrl(buildUrl)
                .commit(commit)
                .commitTime(commitTime)
                .artifactFingerprint(artifactFingerprint)
                .outcome(outcome)
                .reason(reason)
                .startedAt(startedAt)
                .duration(duration)
                .trigger(trigger)
                .message(message)
                .source(source);
        return builder;
    }

    public EnvironmentName getEnvironment() {
        return environment;
    }

    public String getJobFullName() {
        return jobFullName;
    }

    public int getBuildNumber() {
        return buildNumber;
    }

    /** @return the build's URL path relative to the Jenkins root, such as {@code job/app/42/}, or empty */
    public Optional<String> getBuildUrl() {
        return Optional.ofNullable(buildUrl);
    }

    /** @return the SCM revision deployed, when known */
    public Optional<String> getCommit() {
        return Optional.ofNullable(commit);
    }

    /** @return when the deployed commit was made, when known (for lead time to staging) */
    public Optional<Instant> getCommitTime() {
        return Optional.ofNullable(commitTime);
    }

    /** @return the MD5 fingerprint identifying the deployed artifact(s), when known */
    public Optional<String> getArtifactFingerprint() {
        return Optional.ofNullable(artifactFingerprint);
    }

    public DeployOutcome getOutcome() {
        return outcome;
    }

    /** @return why the deploy was skipped or failed, when said */
    public Optional<String> getReason() {
        return Optional.ofNullable(reason);
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Duration getDuration() {
        return duration;
    }

    /** @return when the deploy ended: start plus duration */
    public Instant getEndedAt() {
        return startedAt.plus(duration);
    }

    /** @return who or what triggered the deploy (a user, an upstream build, a timer), when known */
    public Optional<String> getTrigger() {
        return Optional.ofNullable(trigger);
    }

    /** @return an optional short message */
    public Optional<String> getMessage() {
        return Optional.ofNullable(message);
    }

    /**
     * @return the step that made the record; {@link DeploySource#UNKNOWN} for one recorded before records carried
     *     their source
     */
    public DeploySource getSource() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeployRecord)) {
            return false;
        }
        DeployRecord other = (DeployRecord) o;
        return buildNumber == other.buildNumber
                && environment.equals(other.environment)
                && jobFullName.equals(other.jobFullName)
                && Objects.equals(buildUrl, other.buildUrl)
                && Objects.equals(commit, other.commit)
                && Objects.equals(commitTime, other.commitTime)
                && Objects.equals(artifactFingerprint, other.artifactFingerprint)
                && outcome == other.outcome
                && Objects.equals(reason, other.reason)
                && startedAt.equals(other.startedAt)
                && duration.equals(other.duration)
                && Objects.equals(trigger, other.trigger)
                && Objects.equals(message, other.message)
                && source == other.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(environment, jobFullName, buildNumber, outcome, startedAt, duration);
    }

    @Override
    public String toString() {
        return jobFullName + " #" + buildNumber + " -> " + environment + ": " + outcome + " at " + startedAt + " in "
                + duration.toMillis() + " ms";
    }

    /** Collects and validates the values of a {@link DeployRecord}. */
    public static final class Builder {
        private final EnvironmentName environment;
        private final String jobFullName;
        private final int buildNumber;
        private String buildUrl;
        private String commit;
        private Instant commitTime;
        private String artifactFingerprint;
        private DeployOutcome outcome;
        private String reason;
        private Instant startedAt;
        private Duration duration = Duration.ZERO;
        private String trigger;
        private String message;
        private DeploySource source = DeploySource.UNKNOWN;

        private Builder(EnvironmentName environment, String jobFullName, int buildNumber) {
            if (jobFullName == null || jobFullName.isBlank()) {
                throw new IllegalArgumentException("jobFullName: must not be empty");
            }
            if (buildNumber < 1) {
                throw new IllegalArgumentException("buildNumber: must be at least 1, was " + buildNumber);
            }
            this.environment = environment;
            this.jobFullName = jobFullName;
            this.buildNumber = buildNumber;
        }

        public Builder buildUrl(String buildUrl) {
            this.buildUrl = emptyToNull(buildUrl);
            return this;
        }

        /**
         * @param commit the SCM revision; {@code null} or blank for none
         * @return this builder
         * @throws InvalidValueException naming {@code commit} when it is not {@link #problemWithIdentity one word}
         */
        public Builder commit(String commit) {
            this.commit = identity("commit", commit);
            return this;
        }

        public Builder commitTime(Instant commitTime) {
            this.commitTime = commitTime;
            return this;
        }

        /**
         * @param artifactFingerprint the deployed artifact's fingerprint; {@code null} or blank for none
         * @return this builder
         * @throws InvalidValueException naming {@code artifactFingerprint} when it is not {@link
         *     #problemWithIdentity one word}
         */
        public Builder artifactFingerprint(String artifactFingerprint) {
            this.artifactFingerprint = identity("artifactFingerprint", artifactFingerprint);
            return this;
        }

        private static String identity(String field, String value) {
            Optional<FieldProblem> problem = problemWithIdentity(field, value);
            if (problem.isPresent()) {
                throw new InvalidValueException(problem.get());
            }
            return emptyToNull(value);
        }

        public Builder outcome(DeployOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = cut(reason);
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * @param duration how long the deploy took; not negative
         * @return this builder
         */
        public Builder duration(Duration duration) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("duration: must not be negative, was " + duration);
            }
            this.duration = duration;
            return this;
        }

        public Builder trigger(String trigger) {
            this.trigger = cut(trigger);
            return this;
        }

        public Builder message(String message) {
            this.message = cut(message);
            return this;
        }

        /**
         * @param source the step that made the record; {@code null} for {@link DeploySource#UNKNOWN}
         * @return this builder
         */
        public Builder source(DeploySource source) {
            this.source = source == null ? DeploySource.UNKNOWN : source;
            return this;
        }

        /**
         * @return the record
         * @throws IllegalArgumentException naming the missing field
         */
        public DeployRecord build() {
            if (outcome == null) {
                throw new IllegalArgumentException("outcome: must be one of SUCCESS, FAILURE, ABORTED, SKIPPED");
            }
            if (startedAt == null) {
                throw new IllegalArgumentException("startedAt: must be set");
            }
            checkInRange("startedAt", startedAt);
            if (Duration.between(startedAt, LATEST).compareTo(duration) < 0) {
                throw new IllegalArgumentException("duration: the deploy must end by " + LATEST + ", started at "
                        + startedAt + " it was " + duration.toMillis() + " ms");
            }
            if (commitTime != null) {
                checkInRange("commitTime", commitTime);
            }
            return new DeployRecord(this);
        }

        private static String emptyToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }

        private static String cut(String text) {
            String value = emptyToNull(text);
            if (value != null && value.length() > MAX_TEXT) {
                int end = MAX_TEXT - 1;
                // never keep half of a surrogate pair: alone it is not text any UTF-8 store can hold
                if (Character.isHighSurrogate(value.charAt(end - 1))) {
                    end--;
                }
                return value.substring(0, end) + "…";
            }
            return value;
        }
    }
}
