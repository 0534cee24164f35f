package io.jenkins.plugins.deployoften.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.jenkins.plugins.deployoften.ledger.LedgerStore;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class DeployOftenConfigurationTest {
    /** Counts loads and saves instead of touching a Jenkins home. */
    private static final class CountingStore implements DeployOftenConfiguration.ConfigurationStore {
        int loads;
        int saves;

        @Override
        public void load() {
            loads++;
        }

        @Override
        public void save() {
            saves++;
        }
    }

    @Test
    public void loadsOnConstructionAndDefaultsToStaging() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        assertThat(store.loads).isEqualTo(1);
        assertThat(store.saves).isZero();
        assertThat(configuration.getDefaultEnvironment()).isEqualTo("staging");
    }

    @Test
    public void savesAValidEnvironment() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        configuration.setDefaultEnvironment("qa-eu.1");

        assertThat(configuration.getDefaultEnvironment()).isEqualTo("qa-eu.1");
        assertThat(store.saves).isEqualTo(1);
    }

    @Test
    public void rejectsAnInvalidEnvironmentNamingTheFieldAndChangesNothing() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        assertThatThrownBy(() -> configuration.setDefaultEnvironment("pre prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("defaultEnvironment: ")
                .hasMessageContaining("letters, digits");
        assertThat(configuration.getDefaultEnvironment()).isEqualTo("staging");
        assertThat(store.saves).isZero();
    }

    @Test
    public void aFormWithOneBadFieldChangesNothingAndNamesTheField() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        // bound in form order: the valid fields before the bad one must not be kept either
        assertThatThrownBy(() -> configuration.applyAllOrNothing(form -> {
                    form.setDefaultEnvironment("qa");
                    form.setControllerName("controller-a");
                    form.setRetentionDays(5);
                    form.setMetricsFolders("team-a");
                }))
                .isInstanceOf(hudson.model.Descriptor.FormException.class)
                .hasMessageContaining("retentionDays: must be 30 to 3650, was 5")
                .hasMessageContaining("nothing was changed");

        assertThat(configuration.getDefaultEnvironment()).isEqualTo("staging");
        assertThat(configuration.getControllerName()).isEmpty();
        assertThat(configuration.getRetentionDays()).isEqualTo(730);
        assertThat(store.saves).isZero();
    }

    @Test
    public void aValidFormIsTakenWholeAndSavedOnce() throws Exception {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        configuration.applyAllOrNothing(form -> {
            form.setDefaultEnvironment("qa");
            form.setControllerName("controller-a");
            form.setRetentionDays(90);
        });

        assertThat(configuration.getDefaultEnvironment()).isEqualTo("qa");
        assertThat(configuration.getControllerName()).isEqualTo("controller-a");
        assertThat(configuration.getRetentionDays()).isEqualTo(90);
        assertThat(store.saves).isEqualTo(1);
    }

    @Test
    public void theJenkinsDatabaseWithoutTheDatabasePluginIsRefusedAtSave() {
        CountingStore store = new CountingStore();
        JenkinsFacade noPlugins = mock(JenkinsFacade.class);
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store, noPlugins);

        assertThatThrownBy(() ->
                        configuration.applyAllOrNothing(form -> form.setLedgerStore(LedgerStore.JENKINS_DATABASE)))
                .isInstanceOf(hudson.model.Descriptor.FormException.class)
                .hasMessageContaining("ledgerStore: the Jenkins database cannot be used")
                .hasMessageContaining("the Database plugin is not installed");
        assertThat(configuration.getLedgerStore()).isEqualTo(LedgerStore.JOB_FOLDERS);
        assertThat(store.saves).isZero();
    }

    @Test
    public void theJenkinsDatabaseChosenByScriptWithoutTheDatabasePluginSaysWhatToInstall() {
        DeployOftenConfiguration configuration =
                new DeployOftenConfiguration(new CountingStore(), mock(JenkinsFacade.class));
        assertThat(configuration.currentLedgers().sharedLedgerProblem()).isEmpty();

        configuration.setLedgerStore(LedgerStore.JENKINS_DATABASE);

        assertThat(configuration.currentLedgers().sharedLedgerProblem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("the Database plugin is not installed"));
    }

    @Test
    public void anOutageOfTheChosenDatabaseDoesNotKeepOtherSettingsFromBeingSaved() throws Exception {
        CountingStore store = new CountingStore();
        JenkinsFacade withDatabasePlugin = mock(JenkinsFacade.class);
        org.mockito.Mockito.when(withDatabasePlugin.isPluginInstalled("database"))
                .thenReturn(true);
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store, withDatabasePlugin);
        configuration.setLedgerStore(LedgerStore.JENKINS_DATABASE);
        org.jenkinsci.plugins.database.Database down =
                org.mockito.Mockito.mock(org.jenkinsci.plugins.database.Database.class);
        org.mockito.Mockito.when(down.getDataSource()).thenThrow(new java.sql.SQLException("Connection refused"));
        org.jenkinsci.plugins.database.GlobalDatabaseConfiguration databases =
                org.mockito.Mockito.mock(org.jenkinsci.plugins.database.GlobalDatabaseConfiguration.class);
        org.mockito.Mockito.when(databases.getDatabase()).thenReturn(down);
        try (org.mockito.MockedStatic<org.jenkinsci.plugins.database.GlobalDatabaseConfiguration> global =
                org.mockito.Mockito.mockStatic(org.jenkinsci.plugins.database.GlobalDatabaseConfiguration.class)) {
            global.when(org.jenkinsci.plugins.database.GlobalDatabaseConfiguration::get)
                    .thenReturn(databases);

            configuration.applyAllOrNothing(form -> form.setRetentionDays(90));
            assertThat(configuration.getRetentionDays()).isEqualTo(90);

            // switching to the database again connects, and the outage refuses it
            configuration.applyAllOrNothing(form -> form.setLedgerStore(LedgerStore.JOB_FOLDERS));
            assertThatThrownBy(() ->
                            configuration.applyAllOrNothing(form -> form.setLedgerStore(LedgerStore.JENKINS_DATABASE)))
                    .isInstanceOf(hudson.model.Descriptor.FormException.class)
                    .hasMessageContaining("ledgerStore: the Jenkins database cannot be used");
            // no database configured at all is refused even when it was chosen before
            configuration.setLedgerStore(LedgerStore.JENKINS_DATABASE);
            org.mockito.Mockito.when(databases.getDatabase()).thenReturn(null);
            assertThatThrownBy(() -> configuration.applyAllOrNothing(form -> form.setRetentionDays(60)))
                    .hasMessageContaining("no database is configured");
        }
        assertThat(configuration.getRetentionDays()).isEqualTo(90);
    }

    @Test
    public void theFieldOfAMessageIsItsLeadingNameOrTheSection() {
        assertThat(DeployOftenConfiguration.fieldOf("retentionDays: must be 30 to 3650, was 5"))
                .isEqualTo("retentionDays");
        assertThat(DeployOftenConfiguration.fieldOf("gatePolicy.freshMaxDays: must be 1 to 3650"))
                .isEqualTo("gatePolicy.freshMaxDays");
        assertThat(DeployOftenConfiguration.fieldOf("For input string: \"abc\""))
                .isEqualTo("deployOften");
        assertThat(DeployOftenConfiguration.fieldOf("no colon")).isEqualTo("deployOften");
    }

    @Test
    public void formMessagesNameTheAllowedForm() {
        assertThat(EnvironmentName.problemWith("environment", "staging").map(FieldProblems::text))
                .isEmpty();
        assertThat(EnvironmentName.problemWith("environment", "").map(FieldProblems::text))
                .hasValueSatisfying(m -> assertThat(m).contains("1 to 64 letters, digits, '-', '_' or '.'"));
        assertThat(EnvironmentName.problemWith("environment", "x".repeat(65)).map(FieldProblems::text))
                .hasValueSatisfying(m -> assertThat(m).contains("too long"));
        assertThat(EnvironmentName.problemWith("environment", "a b").map(FieldProblems::text))
                .hasValueSatisfying(m -> assertThat(m).contains("may only contain"));
    }

    @Test
    public void retentionAndMetricsFoldersAreValidatedAndSaved() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        assertThat(configuration.getRetentionDays()).isEqualTo(730);
        configuration.setRetentionDays(90);
        configuration.setMetricsFolders(" payments \n\n  search/eu ");

        assertThat(configuration.getRetentionDays()).isEqualTo(90);
        assertThat(configuration.getMetricsFolderList()).containsExactly("payments", "search/eu");
        assertThat(store.saves).isEqualTo(2);
        assertThatThrownBy(() -> configuration.setRetentionDays(7)).hasMessageStartingWith("retentionDays: ");
        assertThat(configuration.getRetentionDays()).isEqualTo(90);
        assertThat(store.saves).isEqualTo(2);
    }

    @Test
    public void theOverrideExpiryDefaultsTo24HoursAndTakes1To720() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        assertThat(configuration.getOverrideExpiryHours()).isEqualTo(24);
        configuration.setOverrideExpiryHours(720);
        assertThat(configuration.getOverrideExpiryHours()).isEqualTo(720);
        configuration.setOverrideExpiryHours(1);
        assertThat(configuration.getOverrideExpiryHours()).isEqualTo(1);
        assertThat(store.saves).isEqualTo(2);

        for (int bad : new int[] {0, -1, 721}) {
            assertThatThrownBy(() -> configuration.setOverrideExpiryHours(bad))
                    .hasMessage("overrideExpiryHours: must be 1 to 720, was " + bad);
        }
        assertThat(configuration.getOverrideExpiryHours()).isEqualTo(1);
        assertThat(store.saves).isEqualTo(2);
    }

    @Test
    public void aFormWithABadOverrideExpiryChangesNothingAndNamesTheField() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        assertThatThrownBy(() -> configuration.applyAllOrNothing(form -> {
                    form.setRetentionDays(90);
                    form.setOverrideExpiryHours(1000);
                }))
                .isInstanceOf(hudson.model.Descriptor.FormException.class)
                .hasMessageContaining("overrideExpiryHours: must be 1 to 720, was 1000");
        assertThat(configuration.getRetentionDays()).isEqualTo(730);
        assertThat(configuration.getOverrideExpiryHours()).isEqualTo(24);
        assertThat(store.saves).isZero();
    }

    @Test
    public void anInvalidGatePolicyIsRefusedNamingTheField() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);
        io.jenkins.plugins.deployoften.config.GatePolicySettings broken =
                new io.jenkins.plugins.deployoften.config.GatePolicySettings();
        broken.setHealthyLastDeploys(0);

        assertThatThrownBy(() -> configuration.setGatePolicy(broken))
                .hasMessageStartingWith("gatePolicy.healthyLastDeploys: must be 1 to 100");
        assertThat(configuration.getGatePolicy().getHealthyLastDeploys()).isEqualTo(3);
        assertThat(store.saves).isZero();
    }

    private static FolderGatePolicy folder(String name, int freshMaxDays) {
        FolderGatePolicy exception = new FolderGatePolicy(name);
        GatePolicySettings rules = new GatePolicySettings();
        rules.setFreshMaxDays(freshMaxDays);
        exception.setPolicy(rules);
        return exception;
    }

    @Test
    public void folderExceptionsGiveTheirJobsTheirFloor() {
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(new CountingStore());

        configuration.setFolderGatePolicies(List.of(folder("team-a", 60)));

        assertThat(configuration
                        .policyInForce("team-a/app", Optional.empty())
                        .rules()
                        .getFreshMaxDays())
                .isEqualTo(60);
        assertThat(configuration.policyInForce("team-a/app", Optional.empty()).floorSource())
                .isEqualTo("folder team-a");
        assertThat(configuration
                        .policyInForce("other/app", Optional.empty())
                        .rules()
                        .getFreshMaxDays())
                .isEqualTo(14);
    }

    @Test
    public void aBadFolderExceptionIsRefusedNamingTheEntryAndChangesNothing() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        assertThatThrownBy(() -> configuration.setFolderGatePolicies(List.of(folder("team-a", 30), folder("/x", 30))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("folderGatePolicies[1].folder: must be a folder's full name");
        assertThatThrownBy(() -> configuration.setFolderGatePolicies(List.of(folder("team-a", 0))))
                .hasMessageStartingWith("folderGatePolicies[0].policy.freshMaxDays: must be 1 to 3650, was 0");
        assertThatThrownBy(
                        () -> configuration.setFolderGatePolicies(List.of(folder("team-a", 30), folder("team-a", 9))))
                .hasMessageStartingWith("folderGatePolicies[1].folder: 'team-a' is listed twice");

        assertThat(configuration.getFolderGatePolicies()).isEmpty();
        assertThat(store.saves).isZero();
    }

    @Test
    public void aFormWithoutFolderExceptionsRemovesTheSavedOnes() throws Exception {
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(new CountingStore());
        configuration.setFolderGatePolicies(List.of(folder("team-a", 30)));

        configuration.applyAllOrNothing(form -> form.setFolderGatePolicies(List.of()));

        assertThat(configuration.getFolderGatePolicies()).isEmpty();
    }

    @Test
    public void testConnectionChecksTheAdministerPermissionFirst() {
        JenkinsFacade notAnAdministrator = mock(JenkinsFacade.class);
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(new CountingStore(), notAnAdministrator);
        assertThatThrownBy(configuration::doTestConnection)
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    public void testConnectionExplainsAMissingDatabasePluginWithoutAStackTrace() {
        JenkinsFacade administratorWithoutPlugins = mock(JenkinsFacade.class);
        org.mockito.Mockito.when(administratorWithoutPlugins.hasPermission(jenkins.model.Jenkins.ADMINISTER))
                .thenReturn(true);
        DeployOftenConfiguration configuration =
                new DeployOftenConfiguration(new CountingStore(), administratorWithoutPlugins);
        hudson.util.FormValidation answer = org.mockito.Mockito.mock(hudson.util.FormValidation.class);
        try (org.mockito.MockedStatic<hudson.util.FormValidation> forms =
                org.mockito.Mockito.mockStatic(hudson.util.FormValidation.class)) {
            forms.when(() -> hudson.util.FormValidation.error(
                            org.mockito.ArgumentMatchers.contains("Database plugin is not installed")))
                    .thenReturn(answer);

            assertThat(configuration.doTestConnection()).isSameAs(answer);
        }
    }

    @Test
    public void theLedgerStoreDefaultsToJobFoldersAndIsSaved() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        assertThat(configuration.getLedgerStore()).isEqualTo(LedgerStore.JOB_FOLDERS);
        configuration.setLedgerStore(LedgerStore.JENKINS_DATABASE);
        configuration.setControllerName(" ci-eu-1 ");

        assertThat(configuration.getLedgerStore()).isEqualTo(LedgerStore.JENKINS_DATABASE);
        assertThat(configuration.getControllerName()).isEqualTo("ci-eu-1");
        assertThat(store.saves).isEqualTo(2);
    }

    @Test
    public void serviceMappingsAreSavedAndGiveTheirJobsTheirServices() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);
        ServiceMapping payments = new ServiceMapping(" prod ", "prod/payments\nprod/ledger");
        payments.setSharedAcrossControllers(true);

        configuration.setServiceMappings(java.util.List.of(payments));

        assertThat(store.saves).isEqualTo(1);
        assertThat(configuration.getServiceMappings())
                .extracting(ServiceMapping::getJobs)
                .containsExactly("prod");
        assertThat(configuration.getServiceAccess().servicesFor("prod/eu/app"))
                .containsExactly("prod/ledger", "prod/payments");
        assertThat(configuration.getServiceAccess().servicesFor("sandbox/app")).isEmpty();
        assertThat(new DeployOftenConfiguration(new CountingStore())
                        .getServiceAccess()
                        .servicesFor("prod/app"))
                .isEmpty();
    }

    @Test
    public void aBadServiceMappingIsRefusedNamingItsFieldAndNothingIsSaved() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);
        ServiceMapping shared = new ServiceMapping("a", "payments");
        shared.setSharedAcrossControllers(true);

        assertThatThrownBy(() -> new ServiceMapping("a//b", "payments"))
                .hasMessageStartingWith("serviceMappings.jobs: 'a//b' is not allowed");
        assertThatThrownBy(() -> new ServiceMapping("team-a", " "))
                .hasMessageStartingWith("serviceMappings.services: ");
        assertThatThrownBy(() -> configuration.applyAllOrNothing(form -> {
                    form.setDefaultEnvironment("qa");
                    form.setServiceMappings(java.util.List.of(shared, new ServiceMapping("b", "payments")));
                }))
                .isInstanceOf(hudson.model.Descriptor.FormException.class)
                .hasMessageContaining("serviceMappings: 'payments' is not allowed");
        assertThat(configuration.getServiceMappings()).isEmpty();
        assertThat(configuration.getDefaultEnvironment()).isEqualTo("staging");
        assertThat(store.saves).isZero();
    }

    @Test
    public void metricsEnvironmentsAndTheirLimitAreValidatedAndSaved() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);
        assertThat(configuration.getMetricsEnvironmentLimit()).isEqualTo(20);
        assertThat(configuration.getMetricsEnvironmentList()).isEmpty();

        configuration.setMetricsEnvironments("staging\n\n production \nstaging");
        configuration.setMetricsEnvironmentLimit(5);

        assertThat(configuration.getMetricsEnvironmentList()).containsExactly("staging", "production");
        assertThat(configuration.getMetricsEnvironmentLimit()).isEqualTo(5);
        assertThat(store.saves).isEqualTo(2);
        assertThatThrownBy(() -> configuration.setMetricsEnvironments("e1\nnot a name"))
                .hasMessageStartingWith("metricsEnvironments: ");
        assertThatThrownBy(() -> configuration.setMetricsEnvironmentLimit(0))
                .hasMessage("metricsEnvironmentLimit: must be 1 to 1000, was 0");
        assertThat(configuration.getMetricsEnvironmentList()).containsExactly("staging", "production");
        assertThat(configuration.getMetricsEnvironmentLimit()).isEqualTo(5);
        assertThat(store.saves).isEqualTo(2);
    }

    @Test
    public void trustedSourcesDefaultToAllAndAreSavedAsEntered() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);

        assertThat(configuration.getTrustedSourceSet()).isEqualTo(TrustedSources.ALL);
        assertThat(configuration.getTrustedSources()).isEmpty();

        configuration.setTrustedSources(" deployOften,deployToStaging ");

        assertThat(configuration.getTrustedSourceSet().sources())
                .containsExactly(DeploySource.DEPLOY_TO_STAGING, DeploySource.DEPLOY_OFTEN);
        assertThat(configuration.getTrustedSources()).isEqualTo("deployToStaging, deployOften");
        assertThat(store.saves).isEqualTo(1);
        configuration.setTrustedSources("");
        assertThat(configuration.getTrustedSourceSet()).isEqualTo(TrustedSources.ALL);
    }

    @Test
    public void anUnknownTrustedSourceIsRefusedNamingTheFieldAndTheSourcesAndChangesNothing() {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);
        configuration.setTrustedSources("deployToStaging");

        assertThatThrownBy(() -> configuration.applyAllOrNothing(form -> {
                    form.setDefaultEnvironment("qa");
                    form.setTrustedSources("deployToStaging, jenkinsfile");
                }))
                .isInstanceOf(hudson.model.Descriptor.FormException.class)
                .hasMessageContaining("trustedSources")
                .hasMessageContaining("deployToStaging, deployOften, recordDeploy, noDeploy, unknown");

        assertThat(configuration.getTrustedSources()).isEqualTo("deployToStaging");
        assertThat(configuration.getDefaultEnvironment()).isEqualTo("staging");
        assertThat(store.saves).isEqualTo(1);
    }

    @Test
    public void theDashboardWidgetIsOnByDefaultAndItsSwitchIsSavedByTheSystemPage() throws Exception {
        CountingStore store = new CountingStore();
        DeployOftenConfiguration configuration = new DeployOftenConfiguration(store);
        assertThat(configuration.isDashboardWidget()).isTrue();

        configuration.applyAllOrNothing(form -> form.setDashboardWidget(false));

        assertThat(configuration.isDashboardWidget()).isFalse();
        assertThat(store.saves).isEqualTo(1);
    }
}
