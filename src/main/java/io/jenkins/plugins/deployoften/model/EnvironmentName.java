package io.jenkins.plugins.deployoften.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a deploy target such as {@code staging}: 1 to 64 letters, digits, {@code -}, {@code _} or
 * {@code .}. The restriction keeps names safe in file names, URLs, metric labels and log lines.
 */
public final class EnvironmentName implements Comparable<EnvironmentName> {
    /** The most characters a name may have. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

    private final String value;

    private EnvironmentName(String value) {
        this.value = value;
    }

    /**
     * Validates and wraps a name.
     *
     * @param candidate the name as entered
     * @return the validated name
     * @throws InvalidValueException naming the allowed form when the name is not acceptable
     */
    public static EnvironmentName of(String candidate) {
        Optional<FieldProblem> problem = problemWith("environment", candidate);
        if (problem.isPresent()) {
            throw new InvalidValueException(problem.get(), problem.get().detail());
        }
        return new EnvironmentName(candidate);
    }

    /**
     * Checks a candidate name without throwing.
     *
     * @param field the field the name was entered in, such as {@code environment}
     * @param candidate the name as entered, possibly {@code null}
     * @return what is wrong with it, or empty when it is acceptable
     */
    public static Optional<FieldProblem> problemWith(String field, String candidate) {
        FieldProblem.Kind kind;
        if (candidate == null || candidate.isEmpty()) {
            kind = FieldProblem.Kind.EMPTY_NAME;
        } else if (candidate.length() > MAX_LENGTH) {
            kind = FieldProblem.Kind.NAME_TOO_LONG;
        } else if (!ALLOWED.matcher(candidate).matches()) {
            kind = FieldProblem.Kind.BAD_NAME;
        } else {
            return Optional.empty();
        }
        return Optional.of(
                new FieldProblem(field, kind, 1, MAX_LENGTH, candidate, "", FieldProblem.Form.ENVIRONMENT_NAME));
    }

    /** @return the name as text */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(EnvironmentName other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnvironmentName && ((EnvironmentName) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
