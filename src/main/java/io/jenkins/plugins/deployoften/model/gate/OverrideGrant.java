package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the grant form's text into a {@link GateOverride}: what it is bound to ({@value #BIND_TO_FIELD}: {@code
 * BUILD}, {@code COMMIT} or {@code ARTIFACT_FINGERPRINT}), the value ({@value #CANDIDATE_FIELD}: a build number,
 * with or without {@code #}, or one word as the gate's candidate takes it), how long it is valid ({@value
 * #EXPIRES_FIELD}: blank for the administrator's default, else 1 to that default) and the reason. Bad input is
 * refused with an {@link IllegalArgumentException} naming the field; the first bad field is reported.
 */
public final class OverrideGrant {
    public static final String BIND_TO_FIELD = "bindTo";
    public static final String CANDIDATE_FIELD = "candidate";
    public static final String EXPIRES_FIELD = "expiresInHours";

    /** The kinds of binding, in the order the form offers them. */
    private static final List<CandidateIdentity.Kind> CHOICES = List.of(
            CandidateIdentity.Kind.BUILD, CandidateIdentity.Kind.COMMIT, CandidateIdentity.Kind.ARTIFACT_FINGERPRINT);

    /** How many characters of an entered value a message repeats. */
    private static final int SHOWN = 40;

    private OverrideGrant() {}

    /**
     * @param user who grants it
     * @param reason why; required
     * @param bindTo the kind of identity, a {@link CandidateIdentity.Kind} name (case ignored)
     * @param candidate the identity's value
     * @param expiresInHours the hours it is valid; blank for {@code defaultHours}
     * @param defaultHours the administrator's default, also the most a grant may ask for
     * @param now the time of the grant
     * @return the override
     * @throws IllegalArgumentException naming the bad field and what it allows
     */
    public static GateOverride of(
            String user,
            String reason,
            String bindTo,
            String candidate,
            String expiresInHours,
            int defaultHours,
            Instant now) {
        CandidateIdentity boundTo = binding(bindTo, candidate);
        long hours = hours(expiresInHours, defaultHours);
        return new GateOverride(user, reason, now, boundTo, now.plus(Duration.ofHours(hours)));
    }

    /**
     * @param bindTo the kind of identity, a {@link CandidateIdentity.Kind} name (case ignored)
     * @param value the identity's value
     * @return a candidate identity with exactly that one identity
     * @throws IllegalArgumentException naming {@value #BIND_TO_FIELD} or {@value #CANDIDATE_FIELD}
     */
    public static CandidateIdentity binding(String bindTo, String value) {
        CandidateIdentity.Kind kind = kind(bindTo);
        if (value == null || value.isBlank()) {
            throw refused(new FieldProblem(
                    CANDIDATE_FIELD,
                    FieldProblem.Kind.BLANK,
                    0,
                    0,
                    "",
                    "",
                    switch (kind) {
                        case BUILD -> FieldProblem.Form.OVERRIDE_BUILD;
                        case COMMIT -> FieldProblem.Form.OVERRIDE_COMMIT;
                        case ARTIFACT_FINGERPRINT -> FieldProblem.Form.OVERRIDE_ARTIFACT;
                    }));
        }
        String word = value.strip();
        switch (kind) {
            case BUILD:
                String digits = word.startsWith("#") ? word.substring(1) : word;
                return CandidateIdentity.ofBuild((int) wholeNumber(CANDIDATE_FIELD, digits, 1, Integer.MAX_VALUE));
            case COMMIT:
                check(CandidateIdentity.problemWithToken(CANDIDATE_FIELD, word));
                return CandidateIdentity.none().withCommit(word);
            default:
                check(CandidateIdentity.problemWithToken(CANDIDATE_FIELD, word));
                return CandidateIdentity.none().withArtifactFingerprint(word);
        }
    }

    private static CandidateIdentity.Kind kind(String bindTo) {
        String name = bindTo == null ? "" : bindTo.strip().toUpperCase(Locale.ROOT);
        return CHOICES.stream()
                .filter(kind -> kind.name().equals(name))
                .findFirst()
                .orElseThrow(() -> refused(new FieldProblem(
                        BIND_TO_FIELD,
                        FieldProblem.Kind.NOT_ONE_OF,
                        0,
                        0,
                        shown(bindTo),
                        CHOICES.stream().map(Enum::name).collect(Collectors.joining(", ")))));
    }

    private static long hours(String text, int defaultHours) {
        if (text == null || text.isBlank()) {
            return defaultHours;
        }
        return wholeNumber(EXPIRES_FIELD, text.strip(), OverrideExpiry.MIN_HOURS, defaultHours);
    }

    /** A whole number from {@code min} to {@code max}; anything else is out of range, the text shown cut short. */
    private static long wholeNumber(String field, String text, long min, long max) {
        if (!text.isEmpty() && text.length() <= 10 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        }
        throw refused(new FieldProblem(field, FieldProblem.Kind.OUT_OF_RANGE, min, max, shown(text), ""));
    }

    private static void check(Optional<FieldProblem> problem) {
        if (problem.isPresent()) {
            throw refused(problem.get());
        }
    }

    /** The entered text a message repeats is made {@linkplain DisplayText one line, in order}. */
    private static InvalidValueException refused(FieldProblem problem) {
        return new InvalidValueException(new FieldProblem(
                problem.field(),
                problem.kind(),
                problem.min(),
                problem.max(),
                DisplayText.of(problem.value()),
                problem.allowed(),
                problem.form()));
    }

    /** Entered text a message repeats in full (a number, a kind) is cut short. */
    private static String shown(String text) {
        String value = text == null ? "" : text;
        return value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
    }
}
