package io.jenkins.plugins.deployoften.model.metrics;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names of DeployOften's metrics, kept low in cardinality: by environment and result, never by job or
 * build, so a controller with thousands of jobs exports a handful of series. Teams that want their own
 * series opt in per folder: jobs inside an opted-in folder also count under that folder's names.
 *
 * <pre>
 * deployoften.deploys.ENVIRONMENT.RESULT                      counter
 * deployoften.deploy.duration.ENVIRONMENT                     timer (completed deploys)
 * deployoften.gate.decisions.STATUS                           counter
 * deployoften.folder.FOLDER.deploys.ENVIRONMENT.RESULT        counter, opted-in folders only
 * </pre>
 */
public final class DeployMetricNames {
    static final String PREFIX = "deployoften";

    private final List<String> optedInFolders;

    /**
     * @param optedInFolders full names of folders whose jobs also get per-folder series; blank entries are
     *     ignored, surrounding slashes removed
     */
    public DeployMetricNames(List<String> optedInFolders) {
        this.optedInFolders = new ArrayList<>();
        for (String folder : optedInFolders) {
            String trimmed = folder == null ? "" : folder.trim().replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                this.optedInFolders.add(trimmed);
            }
        }
    }

    /** @return the counter names a deploy increments: the environment's, and its folder's when opted in */
    public List<String> deployCounters(String jobFullName, EnvironmentName environment, DeployOutcome outcome) {
        List<String> names = new ArrayList<>();
        String suffix = "deploys." + environment.value() + "." + outcome.name().toLowerCase(Locale.ROOT);
        names.add(PREFIX + "." + suffix);
        folderOf(jobFullName).ifPresent(folder -> names.add(PREFIX + ".folder." + segment(folder) + "." + suffix));
        return names;
    }

    /** @return the timer a completed deploy's duration goes to */
    public String durationTimer(EnvironmentName environment) {
        return PREFIX + ".deploy.duration." + environment.value();
    }

    /** @return the counter a gate decision increments, such as {@code deployoften.gate.decisions.block} */
    public String gateCounter(String status) {
        return PREFIX + ".gate.decisions." + status.toLowerCase(Locale.ROOT);
    }

    /** @return the opted-in folder holding the job (the longest match), if any */
    Optional<String> folderOf(String jobFullName) {
        return optedInFolders.stream()
                .filter(folder -> jobFullName.startsWith(folder + "/"))
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    /** Folder names may hold any character; metric name segments keep letters, digits, '-' and '_'. */
    private static String segment(String folder) {
        return folder.replace('/', '.').replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
