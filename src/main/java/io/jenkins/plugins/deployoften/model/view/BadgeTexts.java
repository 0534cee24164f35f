package io.jenkins.plugins.deployoften.model.view;

/**
 * The words of the badges. {@link Badges} decides each badge's figure, its rounding and its colour, and asks these
 * for the words; the glue answers them in the requester's language. Every text is escaped by the badge.
 */
public interface BadgeTexts {
    /** @return the frequency badge's label, such as {@code deploys} */
    String frequencyLabel();

    /** @return the failure rate badge's label, such as {@code deploy failures} */
    String failureRateLabel();

    /** @return the release gate badge's label, such as {@code release gate} */
    String gateLabel();

    /**
     * @param rounded successful deploys per week as the badge shows the number, such as {@code 2.5} or {@code 12}
     * @return the frequency, such as {@code 2.5/week}
     */
    String perWeek(String rounded);

    /** @return a frequency above 0 that rounds to 0, such as {@code <0.1/week} */
    String belowATenthPerWeek();

    /** @return the age of a deploy under a minute old, such as {@code just now} */
    String justNow();

    /**
     * @param minutes whole minutes, 1 to 59
     * @return such as {@code 12m ago}
     */
    String minutesAgo(long minutes);

    /**
     * @param hours whole hours, 1 to 23
     * @return such as {@code 2h ago}
     */
    String hoursAgo(long hours);

    /**
     * @param days whole days, from 1
     * @return such as {@code 3d ago}
     */
    String daysAgo(long days);

    /** @return that the environment never got a successful deploy, such as {@code never} */
    String never();

    /**
     * @param percent a whole percentage, 0 to 100
     * @return such as {@code 8%}
     */
    String percent(int percent);

    /** @return a rate above 0 that rounds to 0%, such as {@code <1%} */
    String belowOnePercent();

    /** @return a rate below 1 that rounds to 100%, such as {@code >99%} */
    String aboveNinetyNinePercent();

    /** @return that no deploy completed, so there is no rate, such as {@code no data} */
    String noData();

    /**
     * @param state the gate's state
     * @return what the gate badge shows for it, such as {@code passing}
     */
    String gateState(GateBadgeState state);

    /** @return the body of the 404 every badge request for an unknown or hidden job gets */
    String notFound();
}
