package io.jenkins.plugins.deployoften.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link DeploySource sources} whose records the release gate counts, as an administrator sets them. {@link
 * #ALL} (the default) counts every record, as before records carried a source. Immutable.
 */
public final class TrustedSources {
    /** The field the setting is entered in, for messages. */
    public static final String FIELD = "trustedSources";

    /** Every source is trusted: the gate counts every record. */
    public static final TrustedSources ALL = new TrustedSources(EnumSet.allOf(DeploySource.class));

    private final Set<DeploySource> sources;

    private TrustedSources(EnumSet<DeploySource> sources) {
        this.sources = Collections.unmodifiableSet(sources);
    }

    /**
     * @param sources the trusted sources, at least one
     * @return the setting
     * @throws IllegalArgumentException naming {@value #FIELD} when there is none
     */
    public static TrustedSources of(Set<DeploySource> sources) {
        if (sources.isEmpty()) {
            throw new InvalidValueException(noneProblem());
        }
        EnumSet<DeploySource> copy = EnumSet.copyOf(sources);
        return copy.size() == DeploySource.values().length ? ALL : new TrustedSources(copy);
    }

    /**
     * Parses the setting as entered: source ids ({@link DeploySource#id()}) separated by commas or whitespace;
     * blank means {@link #ALL}.
     *
     * @param text the setting; {@code null} or blank for all
     * @return the setting
     * @throws InvalidValueException naming {@value #FIELD} and the allowed ids when a name is not a source
     */
    public static TrustedSources parse(String text) {
        Optional<FieldProblem> problem = problemWith(text);
        if (problem.isPresent()) {
            throw new InvalidValueException(problem.get());
        }
        if (text == null || text.isBlank()) {
            return ALL;
        }
        EnumSet<DeploySource> parsed = EnumSet.noneOf(DeploySource.class);
        for (String id : text.strip().split("[,\\s]+")) {
            if (!id.isEmpty()) {
                parsed.add(DeploySource.ofId(id).orElseThrow());
            }
        }
        return of(parsed);
    }

    /**
     * @param text the setting as entered
     * @return what is wrong with it, naming {@value #FIELD}, the name that is not a source and the allowed ids;
     *     empty when it is acceptable
     */
    public static Optional<FieldProblem> problemWith(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        boolean any = false;
        for (String id : text.strip().split("[,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            if (DeploySource.ofId(id).isEmpty()) {
                return Optional.of(
                        new FieldProblem(FIELD, FieldProblem.Kind.NOT_ONE_OF, 0, 0, id, DeploySource.allowedIds()));
            }
            any = true;
        }
        return any ? Optional.empty() : Optional.of(noneProblem());
    }

    private static FieldProblem noneProblem() {
        return new FieldProblem(FIELD, FieldProblem.Kind.NOT_ONE_OF, 0, 0, "", DeploySource.allowedIds());
    }

    /** @return whether every source is trusted, so the gate reads as it always did */
    public boolean isAll() {
        return this == ALL;
    }

    /** @return the trusted sources */
    public Set<DeploySource> sources() {
        return sources;
    }

    /** @return whether the gate counts a record of this source */
    public boolean trusts(DeploySource source) {
        return sources.contains(source);
    }

    /** @return whether the gate counts this record */
    public boolean trusts(DeployRecord record) {
        return sources.contains(record.getSource());
    }

    /** @return the setting as entered: the ids comma-separated, empty for {@link #ALL} */
    public String text() {
        return isAll() ? "" : ids();
    }

    /** @return the trusted ids, comma-separated, in {@link DeploySource} order; {@code all} for {@link #ALL} */
    @Override
    public String toString() {
        return isAll() ? "all" : ids();
    }

    private String ids() {
        return sources.stream().map(DeploySource::id).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedSources && ((TrustedSources) o).sources.equals(sources);
    }

    @Override
    public int hashCode() {
        return sources.hashCode();
    }
}
