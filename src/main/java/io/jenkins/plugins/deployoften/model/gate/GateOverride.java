package io.jenkins.plugins.deployoften.model.gate;

import java.time.Instant;

/**
 * A one-time permission to release although the gate fails, granted by a user with a mandatory reason. The
 * next gate evaluation of the job consumes it (see {@link PendingOverrides}). Whether the user may grant it
 * is checked by the caller, not here. Immutable.
 *
 * <p>User and reason are kept on one line (line breaks and other control characters become spaces) and cut
 * to {@value #MAX_TEXT} characters, because they end up in one-line console messages and audit records.
 *
 * @param user who granted it (the user id), on one line
 * @param reason why, on one line
 * @param grantedAt when it was granted
 */
public record GateOverride(String user, String reason, Instant grantedAt) {
    /** The most characters kept of the user and the reason; longer text is cut. */
    public static final int MAX_TEXT = 500;

    /**
     * @param user who granted it (the user id); not blank
     * @param reason why; not blank
     * @param grantedAt when it was granted
     * @throws IllegalArgumentException naming {@code user}, {@code reason} or {@code grantedAt}
     */
    public GateOverride {
        user = oneLine("user", user, "say who grants the override");
        reason = oneLine("reason", reason, "say why the release may go out although the gate fails");
        if (grantedAt == null) {
            throw new IllegalArgumentException("grantedAt: must be set");
        }
    }

    private static String oneLine(String field, String value, String hint) {
        String flat = value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").strip();
        if (flat.isEmpty()) {
            throw new IllegalArgumentException(field + ": must not be empty: " + hint);
        }
        return flat.length() > MAX_TEXT ? flat.substring(0, MAX_TEXT - 1) + "…" : flat;
    }

    @Override
    public String toString() {
        return GateTexts.overridden(this);
    }
}
