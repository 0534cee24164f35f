package io.jenkins.plugins.deployoften.model.deploy;

import java.time.Duration;

/** Short human-readable durations for logs and tooltips: {@code 850 ms}, {@code 42 s}, {@code 3 min 5 s}. */
public final class Durations {
    private Durations() {}

    /**
     * @param duration a non-negative duration
     * @return its short form
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            long rest = seconds % 60;
            return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
        }
        long hours = minutes / 60;
        long restMinutes = minutes % 60;
        return restMinutes == 0 ? hours + " h" : hours + " h " + restMinutes + " min";
    }
}
