package io.jenkins.plugins.deployoften.model.view;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The release-manager page's rows: one per job, filtered by folder and gate state, worst first. */
public final class ReleaseManagerRows {
    private ReleaseManagerRows() {}

    /**
     * One job on the page.
     *
     * @param jobFullName the job's full name
     * @param jobUrl the job's URL relative to the Jenkins root
     * @param health the job's deploy health
     * @param lastOverride "USER: REASON" of the job's last overridden gate decision, or empty text
     */
    public record Row(String jobFullName, String jobUrl, DeployHealthView health, String lastOverride) {}

    /**
     * @param rows all rows the user may read
     * @param folder keep only jobs in this folder (full name prefix followed by {@code /}); blank for all
     * @param gate keep only this gate state ({@code PASS}, {@code WARN}, {@code BLOCK}, {@code UNKNOWN}); blank
     *     for all
     * @return the kept rows: blocked gates first, then by job name
     * @throws IllegalArgumentException naming {@code gate} and the allowed values for an unknown state
     */
    public static List<Row> filter(List<Row> rows, String folder, String gate) {
        Optional<GateBadgeState> state = parseGate(gate);
        String prefix = folder == null || folder.isBlank() ? "" : stripSlashes(folder) + "/";
        return rows.stream()
                .filter(row -> prefix.isEmpty() || row.jobFullName().startsWith(prefix))
                .filter(row -> state.isEmpty() || row.health().getGateState() == state.get())
                .sorted(Comparator.comparing((Row row) -> severity(row.health().getGateState()))
                        .thenComparing(Row::jobFullName))
                .collect(Collectors.toList());
    }

    private static String stripSlashes(String folder) {
        String trimmed = folder.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed;
    }

    private static Optional<GateBadgeState> parseGate(String gate) {
        if (gate == null || gate.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(GateBadgeState.valueOf(gate.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "gate: '" + gate + "' is not a gate state; use one of PASS, WARN, BLOCK, UNKNOWN", e);
        }
    }

    private static int severity(GateBadgeState state) {
        switch (state) {
            case BLOCK:
                return 0;
            case WARN:
                return 1;
            case UNKNOWN:
                return 2;
            default:
                return 3;
        }
    }
}
