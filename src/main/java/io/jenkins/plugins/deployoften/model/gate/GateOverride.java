package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import java.time.Instant;

/**
 * A one-time permission to release one candidate although the gate fails, granted by a user with a mandatory
 * reason, bound to that candidate and valid until it expires. The first gate evaluation of the job whose
 * candidate {@linkplain #appliesTo matches the binding} before the expiry consumes it (see {@link
 * PendingOverrides}); any other evaluation leaves it pending. Whether the user may grant it is checked by the
 * caller, not here. Immutable.
 *
 * <p>User and reason are kept on one line (line breaks and other control characters become spaces) and cut
 * to {@value #MAX_TEXT} characters, because they end up in one-line console messages and audit records.
 *
 * <p>An override stored by a version that did not bind overrides is {@linkplain #unbound unbound}: it names no
 * candidate and expired when it was granted, so it matches no evaluation and can let nothing through.
 *
 * @param user who granted it (the user id), on one line
 * @param reason why, on one line
 * @param grantedAt when it was granted
 * @param candidate what it was granted for: exactly one build number, commit or artifact fingerprint; no
 *     identity at all for an unbound override
 * @param expiresAt from when it can no longer be used; an evaluation at this instant or later does not match
 */
public record GateOverride(
        String user, String reason, Instant grantedAt, CandidateIdentity candidate, Instant expiresAt) {
    /** The most characters kept of the user and the reason; longer text is cut. */
    public static final int MAX_TEXT = 500;

    /**
     * @param user who granted it (the user id); not blank
     * @param reason why; not blank
     * @param grantedAt when it was granted
     * @param candidate what it is for: one identity (an unbound override, with none, is for decoding old files)
     * @param expiresAt when it expires; not before {@code grantedAt}
     * @throws IllegalArgumentException naming {@code user}, {@code reason}, {@code grantedAt}, {@code candidate}
     *     or {@code expiresAt}
     */
    public GateOverride {
        user = oneLine("user", user, FieldProblem.Form.OVERRIDE_USER);
        reason = oneLine("reason", reason, FieldProblem.Form.OVERRIDE_REASON);
        GateEvaluator.required("grantedAt", grantedAt);
        GateEvaluator.required("candidate", candidate);
        GateEvaluator.required("expiresAt", expiresAt);
        if (candidate.identityCount() > 1) {
            throw new IllegalArgumentException("candidate: must name one build number, commit or artifact"
                    + " fingerprint, was " + candidate.describe());
        }
        if (expiresAt.isBefore(grantedAt)) {
            throw new IllegalArgumentException(
                    "expiresAt: must not be before grantedAt " + grantedAt + ", was " + expiresAt);
        }
    }

    /**
     * @return an override as a version that did not bind overrides stored it: no candidate, expired when granted
     */
    static GateOverride unbound(String user, String reason, Instant grantedAt) {
        return new GateOverride(user, reason, grantedAt, CandidateIdentity.none(), grantedAt);
    }

    /** @return whether it names the candidate it is for; an unbound one (stored by an older version) never applies */
    public boolean isBound() {
        return candidate.identityCount() == 1;
    }

    /**
     * @param now the time of evaluation
     * @return whether it can no longer be used at {@code now}
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * @param evaluated the candidate the gate evaluates
     * @param now the time of evaluation
     * @return whether this override lets that evaluation through: it is bound, not expired at {@code now}, and
     *     {@code evaluated} has the bound identity (a commit or fingerprint compared ignoring case)
     */
    public boolean appliesTo(CandidateIdentity evaluated, Instant now) {
        return isBound() && !isExpiredAt(now) && candidate.sharesIdentityWith(evaluated);
    }

    private static String oneLine(String field, String value, FieldProblem.Form form) {
        String flat = value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").strip();
        if (flat.isEmpty()) {
            throw new InvalidValueException(new FieldProblem(field, FieldProblem.Kind.BLANK, 0, 0, "", "", form));
        }
        return flat.length() > MAX_TEXT ? flat.substring(0, MAX_TEXT - 1) + "…" : flat;
    }

    @Override
    public String toString() {
        return AuditWording.overridden(this);
    }
}
