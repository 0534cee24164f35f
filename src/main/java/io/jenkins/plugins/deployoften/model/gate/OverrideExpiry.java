package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.FieldProblem;
import java.util.Optional;

/**
 * How long a granted override may be used: {@value #DEFAULT_HOURS} hours unless the administrator sets another
 * default ({@value #MIN_HOURS} hour to {@value #MAX_HOURS} hours, 30 days). The grant form may ask for a shorter
 * time, never a longer one, so the administrator's setting is also the ceiling.
 */
public final class OverrideExpiry {
    public static final int DEFAULT_HOURS = 24;
    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 30 * 24;

    /** The administrator's setting, as the System page and Configuration as Code name it. */
    public static final String DEFAULT_FIELD = "overrideExpiryHours";

    private OverrideExpiry() {}

    /**
     * @param hours the administrator's default
     * @return what is wrong with it, naming {@value #DEFAULT_FIELD}, or empty when it is {@value #MIN_HOURS} to
     *     {@value #MAX_HOURS}
     */
    public static Optional<FieldProblem> problemWithDefault(int hours) {
        return FieldProblem.ifOutOfRange(DEFAULT_FIELD, MIN_HOURS, MAX_HOURS, hours);
    }
}
