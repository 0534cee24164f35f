package io.jenkins.plugins.deployoften.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a deploy record comes from: the step that made it. Kept with every record ({@link
 * DeployRecord#getSource()}), shown on the dashboard and in the gate's audit line, and what an administrator's
 * trusted sources ({@link TrustedSources}) choose from. Who or what started the build is the record's {@link
 * DeployRecord#getTrigger() trigger}.
 */
public enum DeploySource {
    /** The {@code deployToStaging} step or its freestyle twin ran the deploy command. */
    DEPLOY_TO_STAGING("deployToStaging"),
    /** The {@code deployOften} block step ran the deploy inside its body. */
    DEPLOY_OFTEN("deployOften"),
    /** The {@code recordDeploy} step reported a deploy done elsewhere: the build says what happened. */
    RECORD_DEPLOY("recordDeploy"),
    /** A build that completed without deploying: the SKIPPED record DeployOften writes for it. */
    NO_DEPLOY("noDeploy"),
    /**
     * Recorded before records carried their source (a ledger line, a database row or a spooled line without
     * one): which step made it is not known.
     */
    UNKNOWN("unknown");

    private final String id;

    DeploySource(String id) {
        this.id = id;
    }

    /** @return the name kept in ledger lines, the database and the configuration, such as {@code recordDeploy} */
    public String id() {
        return id;
    }

    /**
     * @param id a source's {@link #id()}, compared exactly
     * @return the source, or empty when no source has this name
     */
    public static Optional<DeploySource> ofId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** @return every source's id, comma-separated, for messages */
    public static String allowedIds() {
        return Arrays.stream(values()).map(DeploySource::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
