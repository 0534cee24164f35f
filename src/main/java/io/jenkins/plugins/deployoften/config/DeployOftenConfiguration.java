package io.jenkins.plugins.deployoften.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.StepValues;
import io.jenkins.plugins.deployoften.ledger.LedgerStore;
import io.jenkins.plugins.deployoften.ledger.Ledgers;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import io.jenkins.plugins.deployoften.model.LedgerRetention;
import io.jenkins.plugins.deployoften.model.TextLines;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.gate.OverrideExpiry;
import io.jenkins.plugins.deployoften.model.gate.PolicyFloors;
import io.jenkins.plugins.deployoften.model.gate.PolicyInForce;
import io.jenkins.plugins.deployoften.model.ledger.ServiceAccess;
import io.jenkins.plugins.deployoften.model.ledger.ServiceRule;
import io.jenkins.plugins.deployoften.model.metrics.MetricEnvironments;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/**
 * Controller-wide defaults of DeployOften, on the "System" configuration page and in Configuration as
 * Code under {@code unclassified: deployOften:}.
 */
@Extension(ordinal = DeployOftenConfiguration.ORDINAL)
@Symbol("deployOften")
public class DeployOftenConfiguration extends GlobalConfiguration {
    static final String DEFAULT_ENVIRONMENT = "staging";
    /** Below the Database plugin's "Global Database" (-33): saved after it, so a new database can be chosen. */
    static final double ORDINAL = -50;

    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    private String defaultEnvironment = DEFAULT_ENVIRONMENT;
    private GatePolicySettings gatePolicy = new GatePolicySettings();
    private List<FolderGatePolicy> folderGatePolicies = new ArrayList<>();
    private String metricsFolders = "";
    private int retentionDays = LedgerRetention.DEFAULT_DAYS;
    private LedgerStore ledgerStore = LedgerStore.JOB_FOLDERS;
    private String controllerName = "";
    private int overrideExpiryHours = OverrideExpiry.DEFAULT_HOURS;
    private List<ServiceMapping> serviceMappings = new ArrayList<>();
    private String metricsEnvironments = "";
    private int metricsEnvironmentLimit = MetricEnvironments.DEFAULT_LIMIT;
    /** Which environments got metrics so far: state of this running controller, never saved. */
    private transient MetricEnvironments metricEnvironments;
    /** The trusted sources as entered; {@code null} (a configuration saved before the setting) and blank: all. */
    private String trustedSources = "";

    private boolean dashboardWidget = true;

    private final transient ConfigurationStore store;
    private final transient JenkinsFacade jenkins;

    /** Called by Jenkins: loads the saved configuration from disk. */
    public DeployOftenConfiguration() {
        this.store = new DescriptorStore();
        this.jenkins = new JenkinsFacade();
        store.load();
    }

    /** For tests: keeps the configuration wherever the given store keeps it. */
    DeployOftenConfiguration(ConfigurationStore store) {
        this(store, new JenkinsFacade());
    }

    /** For tests: keeps the configuration wherever the given store keeps it, asking the given Jenkins. */
    DeployOftenConfiguration(ConfigurationStore store, JenkinsFacade jenkins) {
        this.store = store;
        this.jenkins = jenkins;
        store.load();
    }

    /** A copy that saves nothing, for a form to be bound to and checked before anything is taken. */
    private DeployOftenConfiguration(DeployOftenConfiguration original) {
        this.store = new UnsavedStore();
        this.jenkins = original.jenkins;
        takeValuesOf(original);
    }

    private void takeValuesOf(DeployOftenConfiguration other) {
        defaultEnvironment = other.defaultEnvironment;
        gatePolicy = other.gatePolicy;
        folderGatePolicies = other.folderGatePolicies;
        metricsFolders = other.metricsFolders;
        retentionDays = other.retentionDays;
        ledgerStore = other.ledgerStore;
        controllerName = other.controllerName;
        overrideExpiryHours = other.overrideExpiryHours;
        serviceMappings = other.serviceMappings;
        metricsEnvironments = other.metricsEnvironments;
        metricsEnvironmentLimit = other.metricsEnvironmentLimit;
        trustedSources = other.trustedSources;
        dashboardWidget = other.dashboardWidget;
    }

    /**
     * Saves the System page's section all or nothing: every field is bound to a copy and checked first, and
     * only then taken and saved, once. A bad value is refused with a {@link FormException} that names the
     * field, and nothing changes.
     */
    @Override
    public boolean configure(StaplerRequest2 request, JSONObject form) throws FormException {
        applyAllOrNothing(candidate -> {
            // A list whose last entry was deleted is absent from the form, so binding would keep the old entries.
            candidate.folderGatePolicies = new ArrayList<>();
            // the form sends no key for an empty list: without this, removing every mapping would keep them
            candidate.serviceMappings = List.of();
            request.bindJSON(candidate, form);
        });
        return true;
    }

    /**
     * @param binding sets the new values on a copy of this configuration, its setters checking each one
     * @throws FormException naming the first bad field and what it allows; then nothing is changed or saved
     */
    void applyAllOrNothing(Consumer<DeployOftenConfiguration> binding) throws FormException {
        DeployOftenConfiguration candidate = new DeployOftenConfiguration(this);
        try {
            binding.accept(candidate);
            candidate.checkLedgerStoreUsable(getLedgerStore());
        } catch (IllegalArgumentException e) {
            Optional<FieldProblem> problem = problemOf(e);
            String message = problem.map(FieldProblems::text).orElseGet(() -> innermostMessage(e));
            String field = problem.map(FieldProblem::field).orElseGet(() -> fieldOf(message));
            throw new FormException(Messages.DeployOftenConfiguration_invalid(message), field);
        }
        takeValuesOf(candidate);
        store.save();
    }

    /**
     * A shared store nothing can use is refused when saved, not found out later by builds. Switching to it
     * connects; once chosen, an outage must not keep administrators from saving other settings, so then only a
     * missing plugin or database is refused (the administrative monitor reports outages).
     */
    private void checkLedgerStoreUsable(LedgerStore saved) {
        if (getLedgerStore() != LedgerStore.JENKINS_DATABASE) {
            return;
        }
        try {
            if (saved == LedgerStore.JENKINS_DATABASE) {
                Ledgers.checkSharedLedgerConfigured(jenkins);
            } else {
                Ledgers.testSharedLedger(jenkins);
            }
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(Messages.LedgerStore_unusable(e.getMessage()), e);
        }
    }

    /** @return the problem of the innermost refusal that carries one (Stapler may wrap a setter's refusal) */
    private static Optional<FieldProblem> problemOf(IllegalArgumentException refusal) {
        FieldProblem found = null;
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException invalid) {
                found = invalid.problem();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Stapler may wrap a setter's refusal; the innermost one names the field. */
    private static String innermostMessage(IllegalArgumentException refusal) {
        Throwable innermost = refusal;
        for (Throwable cause = refusal.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                innermost = cause;
            }
        }
        return innermost.getMessage() == null ? refusal.toString() : innermost.getMessage();
    }

    /** @return the field a message of the form {@code field: what is wrong} names, else the section's name */
    static String fieldOf(String message) {
        int colon = message.indexOf(':');
        String candidate = colon < 0 ? "" : message.substring(0, colon);
        return FIELD_PATH.matcher(candidate).matches() ? candidate : "deployOften";
    }

    /** @return the singleton instance */
    public static DeployOftenConfiguration get() {
        return ExtensionList.lookupSingleton(DeployOftenConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.DeployOftenConfiguration_displayName();
    }

    /** @return the environment that steps deploy to when they name none */
    public String getDefaultEnvironment() {
        return defaultEnvironment;
    }

    /**
     * Sets the environment that steps deploy to when they name none.
     *
     * @param defaultEnvironment a valid environment name
     * @throws IllegalArgumentException naming the field and the allowed form; nothing is changed or saved
     */
    @DataBoundSetter
    public void setDefaultEnvironment(String defaultEnvironment) {
        this.defaultEnvironment = validEnvironment("defaultEnvironment", defaultEnvironment);
        store.save();
    }

    /**
     * @param environment a step's environment, possibly blank
     * @return that environment, or the default one when it is blank
     */
    public static String environmentOrDefault(String environment) {
        return environment == null || environment.isBlank() ? get().getDefaultEnvironment() : environment.trim();
    }

    /** @return the release gate's default rules, used by jobs whose gate step sets none */
    public GatePolicySettings getGatePolicy() {
        return gatePolicy == null ? new GatePolicySettings() : gatePolicy;
    }

    /**
     * Sets the release gate's default rules.
     *
     * @param gatePolicy valid rules
     * @throws IllegalArgumentException naming the field out of range; nothing is changed or saved
     */
    @DataBoundSetter
    public void setGatePolicy(GatePolicySettings gatePolicy) {
        GatePolicySettings candidate = gatePolicy == null ? new GatePolicySettings() : gatePolicy;
        List<FieldProblem> problems = candidate.problems();
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems.get(0).within("gatePolicy"));
        }
        this.gatePolicy = candidate;
        store.save();
    }

    /** @return the folders whose jobs have their own floor instead of {@link #getGatePolicy()} */
    public List<FolderGatePolicy> getFolderGatePolicies() {
        return folderGatePolicies == null ? List.of() : List.copyOf(folderGatePolicies);
    }

    /**
     * Sets the folders whose jobs have their own floor of the gate policy.
     *
     * @param folderGatePolicies each folder once, with valid rules
     * @throws IllegalArgumentException naming the entry and its field, such as {@code
     *     folderGatePolicies[1].policy.freshMaxDays}; nothing is changed or saved
     */
    @DataBoundSetter
    public void setFolderGatePolicies(List<FolderGatePolicy> folderGatePolicies) {
        List<FolderGatePolicy> candidate = folderGatePolicies == null ? List.of() : folderGatePolicies;
        Set<String> folders = new HashSet<>();
        for (int i = 0; i < candidate.size(); i++) {
            String entry = "folderGatePolicies[" + i + "]";
            FolderGatePolicy each = candidate.get(i);
            List<FieldProblem> problems = each.problems();
            if (!problems.isEmpty()) {
                throw new InvalidValueException(problems.get(0).within(entry));
            }
            if (!folders.add(each.getFolder())) {
                throw new InvalidValueException(new FieldProblem(
                        entry + ".folder", FieldProblem.Kind.LISTED_TWICE, 0, 0, each.getFolder(), ""));
            }
        }
        this.folderGatePolicies = new ArrayList<>(candidate);
        store.save();
    }

    /**
     * @param jobFullName the job's full name
     * @param jobPolicy the rules of the job's gate step, if it sets its own
     * @return the rules the job's gate applies: its folder's floor or the global one, tightened by the job's rules
     * @throws io.jenkins.plugins.deployoften.model.InvalidValueException when the job's rules are invalid
     */
    public PolicyInForce policyInForce(String jobFullName, Optional<GatePolicySettings> jobPolicy) {
        Map<String, GatePolicy> folders = new HashMap<>();
        for (FolderGatePolicy each : getFolderGatePolicies()) {
            folders.put(each.getFolder(), each.getPolicy().toPolicy());
        }
        return new PolicyFloors(getGatePolicy().toPolicy(), folders)
                .inForce(jobFullName, jobPolicy.map(GatePolicySettings::toPolicy));
    }

    /** @return where deploy history is kept */
    public LedgerStore getLedgerStore() {
        return ledgerStore == null ? LedgerStore.JOB_FOLDERS : ledgerStore;
    }

    @DataBoundSetter
    public void setLedgerStore(LedgerStore ledgerStore) {
        this.ledgerStore = ledgerStore == null ? LedgerStore.JOB_FOLDERS : ledgerStore;
        store.save();
    }

    /** @return where each job's deploy history lives, as the administrator chose */
    public static Ledgers ledgers() {
        return get().currentLedgers();
    }

    /** @return where each job's deploy history lives, as the administrator chose */
    Ledgers currentLedgers() {
        // the store stays as chosen without the Database plugin: Ledgers then keeps history in the job folders and
        // says why, which the administrative monitor shows
        return new Ledgers(getLedgerStore(), getEffectiveControllerName(), jenkins)
                .withServiceAccess(getServiceAccess());
    }

    /** @return the configured name of this controller in the shared ledger; empty text for the host name */
    public String getControllerName() {
        return controllerName == null ? "" : controllerName;
    }

    /** @return the name this controller's records carry in the shared ledger: the configured one, else the host name */
    public String getEffectiveControllerName() {
        if (controllerName != null && !controllerName.isBlank()) {
            return controllerName;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "jenkins";
        }
    }

    @DataBoundSetter
    public void setControllerName(String controllerName) {
        this.controllerName = StepValues.trimmed(controllerName);
        store.save();
    }

    /** @return whether the "Deploy health" widget shows on the dashboard and every view; on by default */
    public boolean isDashboardWidget() {
        return dashboardWidget;
    }

    @DataBoundSetter
    public void setDashboardWidget(boolean dashboardWidget) {
        this.dashboardWidget = dashboardWidget;
        store.save();
    }

    @POST
    public ListBoxModel doFillLedgerStoreItems() {
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return new ListBoxModel();
        }
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.LedgerStore_JOB_FOLDERS(), LedgerStore.JOB_FOLDERS.name());
        items.add(Messages.LedgerStore_JENKINS_DATABASE(), LedgerStore.JENKINS_DATABASE.name());
        return items;
    }

    /**
     * The "Test connection" button: connects to the Jenkins database and brings the shared ledger's schema
     * up to date. POST only, administrators only.
     *
     * @return what happened, in words; never a stack trace
     */
    @POST
    public FormValidation doTestConnection() {
        checkAdminister();
        try {
            return FormValidation.ok(Messages.LedgerStore_connected(Ledgers.testSharedLedger(jenkins)));
        } catch (IllegalStateException e) {
            return FormValidation.error(Messages.LedgerStore_failed(e.getMessage()));
        }
    }

    /**
     * The "Import job-folder history" button: copies every job's job-folder history into the Jenkins database,
     * for jobs that deployed before it was chosen. Idempotent. POST only, administrators only.
     *
     * @return what was imported, in words; never a stack trace
     */
    @POST
    public FormValidation doImportJobFolderHistory() {
        checkAdminister();
        try {
            Ledgers.HistoryImport imported = currentLedgers().importJobFolderHistory();
            return FormValidation.ok(
                    Messages.LedgerStore_imported(imported.getStored(), imported.getRead(), imported.getJobs()));
        } catch (IllegalStateException | java.io.IOException e) {
            return FormValidation.error(Messages.LedgerStore_importFailed(e.getMessage()));
        }
    }

    /** Configuration changes require Overall/Administer. */
    private void checkAdminister() {
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            throw new AccessDeniedException(Messages.DeployOftenConfiguration_administerRequired());
        }
    }

    /**
     * @return the record sources the release gate counts, as entered: source ids comma-separated, empty for all
     */
    public String getTrustedSources() {
        return getTrustedSourceSet().text();
    }

    /** @return the record sources the release gate counts; {@link TrustedSources#ALL} unless restricted */
    public TrustedSources getTrustedSourceSet() {
        return TrustedSources.parse(trustedSources);
    }

    /**
     * @param trustedSources source ids ({@code deployToStaging}, {@code deployOften}, {@code recordDeploy}, {@code
     *     noDeploy}, {@code unknown}) separated by commas or spaces; blank for all
     * @throws IllegalArgumentException naming the field and the allowed ids; nothing is changed or saved
     */
    @DataBoundSetter
    public void setTrustedSources(String trustedSources) {
        this.trustedSources = TrustedSources.parse(trustedSources).text();
        store.save();
    }

    @POST
    public FormValidation doCheckTrustedSources(@QueryParameter String value) {
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FieldProblems.validation(TrustedSources.problemWith(value));
    }

    /** @return how many days of deploy history the daily compaction keeps */
    public int getRetentionDays() {
        return retentionDays == 0 ? LedgerRetention.DEFAULT_DAYS : retentionDays;
    }

    /**
     * @param retentionDays 30 to 3650
     * @throws IllegalArgumentException naming the field and the range; nothing is changed or saved
     */
    @DataBoundSetter
    public void setRetentionDays(int retentionDays) {
        this.retentionDays = LedgerRetention.ofDays(retentionDays).getDays();
        store.save();
    }

    @POST
    public FormValidation doCheckRetentionDays(@QueryParameter int value) {
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FieldProblems.validation(LedgerRetention.problemWith(value));
    }

    /**
     * @return how many hours a granted gate override stays valid unless the grant asks for fewer; the most a
     *     grant may ask for
     */
    public int getOverrideExpiryHours() {
        return overrideExpiryHours == 0 ? OverrideExpiry.DEFAULT_HOURS : overrideExpiryHours;
    }

    /**
     * @param overrideExpiryHours 1 to 720 (30 days)
     * @throws IllegalArgumentException naming the field and the range; nothing is changed or saved
     */
    @DataBoundSetter
    public void setOverrideExpiryHours(int overrideExpiryHours) {
        OverrideExpiry.problemWithDefault(overrideExpiryHours).ifPresent(problem -> {
            throw new InvalidValueException(problem);
        });
        this.overrideExpiryHours = overrideExpiryHours;
        store.save();
    }

    @POST
    public FormValidation doCheckOverrideExpiryHours(@QueryParameter int value) {
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FieldProblems.validation(OverrideExpiry.problemWithDefault(value));
    }

    /** @return folders whose jobs also get their own metric series, one full name per line */
    public String getMetricsFolders() {
        return metricsFolders == null ? "" : metricsFolders;
    }

    /** @return {@link #getMetricsFolders()} as a list, blank lines dropped */
    public List<String> getMetricsFolderList() {
        return getMetricsFolders()
                .lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.toList());
    }

    @DataBoundSetter
    public void setMetricsFolders(String metricsFolders) {
        this.metricsFolders = StepValues.trimmed(metricsFolders);
        store.save();
    }

    /** @return the administrator's mappings of folders and jobs to the service names they may use */
    public List<ServiceMapping> getServiceMappings() {
        return serviceMappings == null ? List.of() : List.copyOf(serviceMappings);
    }

    /**
     * @param serviceMappings the mappings; a service listed by two of them must be shared by both or neither
     * @throws IllegalArgumentException naming {@code serviceMappings} and the service; nothing is changed or saved
     */
    @DataBoundSetter
    public void setServiceMappings(List<ServiceMapping> serviceMappings) {
        List<ServiceMapping> candidate = serviceMappings == null ? List.of() : List.copyOf(serviceMappings);
        refuse(accessOf(candidate).problem());
        this.serviceMappings = new ArrayList<>(candidate);
        store.save();
    }

    /** @return which services each job may use, from {@link #getServiceMappings()} */
    public ServiceAccess getServiceAccess() {
        return accessOf(getServiceMappings());
    }

    private static ServiceAccess accessOf(List<ServiceMapping> mappings) {
        List<ServiceRule> rules = new ArrayList<>();
        for (ServiceMapping mapping : mappings) {
            rules.add(mapping.toRule());
        }
        return new ServiceAccess(rules);
    }

    /** @return the environments that get deploy metrics, one per line; empty for the first ones seen */
    public String getMetricsEnvironments() {
        return metricsEnvironments == null ? "" : metricsEnvironments;
    }

    /** @return {@link #getMetricsEnvironments()} as a list, blank lines dropped */
    public List<String> getMetricsEnvironmentList() {
        return TextLines.of(getMetricsEnvironments());
    }

    /**
     * @param metricsEnvironments environment names, one per line
     * @throws IllegalArgumentException naming the field and the first bad name; nothing is changed or saved
     */
    @DataBoundSetter
    public void setMetricsEnvironments(String metricsEnvironments) {
        refuse(MetricEnvironments.problemWithListed(metricsEnvironments));
        this.metricsEnvironments = StepValues.trimmed(metricsEnvironments);
        store.save();
    }

    @POST
    public FormValidation doCheckMetricsEnvironments(@QueryParameter String value) {
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FieldProblems.validation(MetricEnvironments.problemWithListed(value));
    }

    /** @return how many environments get deploy metrics when none are listed */
    public int getMetricsEnvironmentLimit() {
        return metricsEnvironmentLimit == 0 ? MetricEnvironments.DEFAULT_LIMIT : metricsEnvironmentLimit;
    }

    /**
     * @param metricsEnvironmentLimit 1 to 1000
     * @throws IllegalArgumentException naming the field and the range; nothing is changed or saved
     */
    @DataBoundSetter
    public void setMetricsEnvironmentLimit(int metricsEnvironmentLimit) {
        refuse(MetricEnvironments.problemWithLimit(metricsEnvironmentLimit));
        this.metricsEnvironmentLimit = metricsEnvironmentLimit;
        store.save();
    }

    /**
     * @return which environments get deploy metrics, by the current settings; the environments admitted so far
     *     stay admitted (within a new limit) when the settings change
     */
    public synchronized MetricEnvironments metricEnvironments() {
        List<String> listed = getMetricsEnvironmentList();
        int limit = getMetricsEnvironmentLimit();
        if (metricEnvironments == null) {
            metricEnvironments = new MetricEnvironments(listed, limit);
        } else if (!metricEnvironments.hasSettings(listed, limit)) {
            metricEnvironments = metricEnvironments.withSettings(listed, limit);
        }
        return metricEnvironments;
    }

    @POST
    public FormValidation doCheckMetricsEnvironmentLimit(@QueryParameter int value) {
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FieldProblems.validation(MetricEnvironments.problemWithLimit(value));
    }

    /**
     * Validates the default environment field.
     *
     * @param value the entered name
     * @return the validation result for the form
     */
    @POST
    public FormValidation doCheckDefaultEnvironment(@QueryParameter String value) {
        if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok();
        }
        return FieldProblems.validation(EnvironmentName.problemWith("defaultEnvironment", value));
    }

    /** @throws InvalidValueException naming the field, when there is a problem; then nothing is changed */
    private static void refuse(Optional<FieldProblem> problem) {
        if (problem.isPresent()) {
            throw new InvalidValueException(problem.get());
        }
    }

    private static String validEnvironment(String field, String candidate) {
        EnvironmentName.problemWith(field, candidate).ifPresent(problem -> {
            throw new InvalidValueException(problem);
        });
        return candidate;
    }

    /** Where the configuration is loaded from and saved to. */
    interface ConfigurationStore {
        void load();

        void save();
    }

    /** Where a form's copy keeps its values: nowhere. */
    private static final class UnsavedStore implements ConfigurationStore {
        @Override
        public void load() {}

        @Override
        public void save() {}
    }

    /** Jenkins' own persistence of a descriptor: {@code JENKINS_HOME/<class name>.xml}. */
    private class DescriptorStore implements ConfigurationStore {
        @Override
        public void load() {
            DeployOftenConfiguration.super.load();
        }

        @Override
        public void save() {
            DeployOftenConfiguration.super.save();
        }
    }
}
