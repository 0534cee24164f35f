package io.jenkins.plugins.deployoften.model.metrics;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import io.jenkins.plugins.deployoften.model.TextLines;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which environments get deploy metrics, so that a Jenkinsfile inventing environment names ({@code e1}, {@code
 * e2}, ...) cannot register metrics without bound: the environments an administrator lists, or, when none are
 * listed, the first {@code limit} distinct environments deployed to (since the controller started or the
 * settings changed). Deploys to other environments are recorded as always; they only get no metrics. Thread-safe.
 */
public final class MetricEnvironments {
    /** The default of the most environments with metrics when none are listed. */
    public static final int DEFAULT_LIMIT = 20;

    /** The fewest environments with metrics. */
    public static final int MIN_LIMIT = 1;

    /** The most environments with metrics. */
    public static final int MAX_LIMIT = 1000;

    /** What became of an environment asked about. */
    public enum Admission {
        /** It gets metrics. */
        ADMITTED,
        /** It gets none, and it is the first environment refused: worth one warning. */
        FIRST_REFUSAL,
        /** It gets none; a warning was given before. */
        REFUSED
    }

    private final Set<String> listed;
    private final int limit;
    private final Set<String> admitted = new LinkedHashSet<>();
    private boolean refusedBefore;

    /**
     * @param listed the environments the administrator listed; empty for the first {@code limit} seen
     * @param limit how many environments get metrics when none are listed
     * @throws IllegalArgumentException when the limit is out of range
     */
    public MetricEnvironments(List<String> listed, int limit) {
        problemWithLimit(limit).ifPresent(problem -> {
            throw new InvalidValueException(problem);
        });
        this.listed = new LinkedHashSet<>(listed);
        this.limit = limit;
    }

    /**
     * @param environment the environment of a deploy just recorded
     * @return whether it gets metrics, and whether its refusal is the first one
     */
    public synchronized Admission admit(EnvironmentName environment) {
        String name = environment.value();
        boolean admits = listed.isEmpty()
                ? admitted.contains(name) || admitted.size() < limit && admitted.add(name)
                : listed.contains(name);
        if (admits) {
            return Admission.ADMITTED;
        }
        if (refusedBefore) {
            return Admission.REFUSED;
        }
        refusedBefore = true;
        return Admission.FIRST_REFUSAL;
    }

    /** @return whether this admits by a list (else by the first {@code limit} seen) */
    public boolean isListed() {
        return !listed.isEmpty();
    }

    /** @return how many environments get metrics when none are listed */
    public int limit() {
        return limit;
    }

    /**
     * @param listed the listed environments
     * @param limit the limit
     * @return whether these are the settings this was made with
     */
    public boolean hasSettings(List<String> listed, int limit) {
        return this.limit == limit && this.listed.equals(new LinkedHashSet<>(listed));
    }

    /**
     * @param newListed the new listed environments
     * @param newLimit the new limit
     * @return admission by the new settings, keeping (within the new limit) the environments admitted so far, so
     *     that a change of settings does not hand out a new set of names; refusals are warned about once again
     */
    public synchronized MetricEnvironments withSettings(List<String> newListed, int newLimit) {
        MetricEnvironments next = new MetricEnvironments(newListed, newLimit);
        for (String name : admitted) {
            if (next.admitted.size() < newLimit) {
                next.admitted.add(name);
            }
        }
        return next;
    }

    /**
     * @param limit the entered limit
     * @return what is wrong with it, for the field {@code metricsEnvironmentLimit}
     */
    public static Optional<FieldProblem> problemWithLimit(int limit) {
        return FieldProblem.ifOutOfRange("metricsEnvironmentLimit", MIN_LIMIT, MAX_LIMIT, limit);
    }

    /**
     * @param text the entered environments, one per line; blank lines are ignored
     * @return what is wrong with the first bad name, for the field {@code metricsEnvironments}
     */
    public static Optional<FieldProblem> problemWithListed(String text) {
        return TextLines.of(text).stream()
                .map(name -> EnvironmentName.problemWith("metricsEnvironments", name))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
