package io.jenkins.plugins.deployoften.model.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time permission to release although the gate fails, granted by a user with a mandatory reason. The
 * next gate evaluation of the job consumes it (see {@link PendingOverrides}). Whether the user may grant it
 * is checked by the caller, not here. Immutable.
 *
 * <p>User and reason are kept on one line (line breaks and other control characters become spaces) and cut
 * to {@value #MAX_TEXT} characters, because they end up in one-line console messages and audit records.
 */
public final class GateOverride {
    /** The most characters kept of the user and the reason; longer text is cut. */
    public static final int MAX_TEXT = 500;

    private final String user;
    private final String reason;
    private final Instant grantedAt;

    /**
     * @param user who granted it (the user id); not blank
     * @param reason why; not blank
     * @param grantedAt when it was granted
     * @throws IllegalArgumentException naming {@code user}, {@code reason} or {@code grantedAt}
     */
    public GateOverride(String user, String reason, Instant grantedAt) {
        this.user = oneLine("user", user, "say who grants the override");
        this.reason = oneLine("reason", reason, "say why the release may go out although the gate fails");
        if (grantedAt == null) {
            throw new IllegalArgumentException("grantedAt: must be set");
        }
        this.grantedAt = grantedAt;
    }

    private static String oneLine(String field, String value, String hint) {
        String flat = value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").strip();
        if (flat.isEmpty()) {
            throw new IllegalArgumentException(field + ": must not be empty: " + hint);
        }
        return flat.length() > MAX_TEXT ? flat.substring(0, MAX_TEXT - 1) + "…" : flat;
    }

    public String getUser() {
        return user;
    }

    public String getReason() {
        return reason;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GateOverride)) {
            return false;
        }
        GateOverride other = (GateOverride) o;
        return user.equals(other.user) && reason.equals(other.reason) && grantedAt.equals(other.grantedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, reason, grantedAt);
    }

    @Override
    public String toString() {
        return GateTexts.overridden(this);
    }
}
