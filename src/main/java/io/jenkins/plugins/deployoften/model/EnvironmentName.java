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
    /** The allowed form, for messages. */
    public static final String ALLOWED_FORM = "1 to " + MAX_LENGTH + " letters, digits, '-', '_' or '.'";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

    /** Why a candidate name is not acceptable. */
    public enum Problem {
        EMPTY,
        TOO_LONG,
        INVALID_CHARACTERS
    }

    private final String value;

    private EnvironmentName(String value) {
        this.value = value;
    }

    /**
     * Validates and wraps a name.
     *
     * @param candidate the name as entered
     * @return the validated name
     * @throws IllegalArgumentException naming the allowed form when the name is not acceptable
     */
    public static EnvironmentName of(String candidate) {
        Optional<Problem> problem = problemWith(candidate);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(describe(candidate, problem.get()));
        }
        return new EnvironmentName(candidate);
    }

    /**
     * Checks a candidate name without throwing.
     *
     * @param candidate the name as entered, possibly {@code null}
     * @return what is wrong with it, or empty when it is acceptable
     */
    public static Optional<Problem> problemWith(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (candidate.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (!ALLOWED.matcher(candidate).matches()) {
            return Optional.of(Problem.INVALID_CHARACTERS);
        }
        return Optional.empty();
    }

    private static String describe(String candidate, Problem problem) {
        String shown = candidate == null ? "" : candidate;
        if (shown.length() > MAX_LENGTH) {
            shown = shown.substring(0, MAX_LENGTH) + "…";
        }
        switch (problem) {
            case EMPTY:
                return "environment name is empty: use " + ALLOWED_FORM;
            case TOO_LONG:
                return "environment name '" + shown + "' is longer than " + MAX_LENGTH + " characters: use "
                        + ALLOWED_FORM;
            default:
                return "environment name '" + shown + "' has characters that are not allowed: use " + ALLOWED_FORM;
        }
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
