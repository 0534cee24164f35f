package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.FieldProblem;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The administrator's floors of the gate policy: the global one, and exceptions for folders. A job's floor is the
 * exception of the nearest folder that contains it (the longest matching folder name), else the global floor.
 * An exception may be looser than the global floor: that is what an exception is for. Immutable.
 */
public final class PolicyFloors {
    /** The source of the global floor, as the audit trail shows it. */
    public static final String GLOBAL = "global";

    /** The most characters a folder's full name may have. */
    public static final int MAX_FOLDER_LENGTH = 1000;

    private final GatePolicy global;
    private final Map<String, GatePolicy> folders;

    /**
     * @param global the floor of every job outside the folders
     * @param folders folder full names (such as {@code team-a} or {@code team-a/payments}) to their floors
     */
    public PolicyFloors(GatePolicy global, Map<String, GatePolicy> folders) {
        GateEvaluator.required("global", global);
        this.global = global;
        this.folders = Map.copyOf(new TreeMap<>(folders));
    }

    /**
     * @param jobFullName the job's full name
     * @param jobPolicy the job's own rules, if any
     * @return the rules the job's gate applies
     */
    public PolicyInForce inForce(String jobFullName, Optional<GatePolicy> jobPolicy) {
        Optional<String> folder = nearestFolder(jobFullName);
        GatePolicy floor = folder.map(folders::get).orElse(global);
        String source = folder.map(AuditWording::folderSource).orElse(GLOBAL);
        return PolicyInForce.of(floor, source, jobPolicy);
    }

    /**
     * @param field the field, for the problem
     * @param folder what an administrator entered
     * @return why it is not a folder's full name: blank, longer than {@value #MAX_FOLDER_LENGTH} characters, a
     *     control character, a leading or trailing {@code /}, an empty, {@code .} or {@code ..} part; else empty
     */
    public static Optional<FieldProblem> problemWithFolder(String field, String folder) {
        String value = folder == null ? "" : folder;
        boolean valid = !value.isBlank()
                && value.length() <= MAX_FOLDER_LENGTH
                && value.codePoints().noneMatch(Character::isISOControl)
                && java.util.Arrays.stream(value.split("/", -1))
                        .noneMatch(part ->
                                part.isBlank() || part.equals(".") || part.equals("..") || !part.equals(part.strip()));
        return valid
                ? Optional.empty()
                : Optional.of(new FieldProblem(
                        field, FieldProblem.Kind.NOT_A_FOLDER, 0, 0, value, "", FieldProblem.Form.FOLDER));
    }

    private Optional<String> nearestFolder(String jobFullName) {
        String nearest = null;
        for (String folder : folders.keySet()) {
            if (jobFullName.startsWith(folder + "/") && (nearest == null || folder.length() > nearest.length())) {
                nearest = folder;
            }
        }
        return Optional.ofNullable(nearest);
    }
}
