package io.jenkins.plugins.deployoften.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.ServiceAccess;
import io.jenkins.plugins.deployoften.model.ledger.ServiceRefusal;
import io.jenkins.plugins.deployoften.model.ledger.ServiceRule;
import io.jenkins.plugins.util.JenkinsFacade;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Without the Database plugin every job keeps its history in its own folder, whatever was configured. */
public class LedgersTest {
    private final JenkinsFacade noPlugins = mock(JenkinsFacade.class);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void withoutTheDatabasePluginTheJobFolderHoldsTheLedger() {
        FreeStyleProject job = mock(FreeStyleProject.class);
        when(job.getRootDir()).thenReturn(temporary.getRoot());

        DeployLedger ledger = new Ledgers(LedgerStore.JENKINS_DATABASE, "controller-a", noPlugins).of(job);

        assertThat(ledger).isInstanceOf(FileDeployLedger.class);
        assertThat(((FileDeployLedger) ledger).getFile())
                .isEqualTo(temporary.getRoot().toPath().toAbsolutePath().resolve(FileDeployLedger.FILE_NAME));
    }

    @Test
    public void testingTheSharedLedgerWithoutTheDatabasePluginSaysWhatToInstall() {
        assertThatThrownBy(() -> Ledgers.testSharedLedger(noPlugins))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Database plugin is not installed");
    }

    @Test
    public void aServiceNoMappingAllowsTheJobIsRefusedBeforeALedgerIsMade() {
        FreeStyleProject job = mock(FreeStyleProject.class);
        when(job.getRootDir()).thenReturn(temporary.getRoot());
        when(job.getFullName()).thenReturn("sandbox/intruder");
        Ledgers ledgers = new Ledgers(LedgerStore.JENKINS_DATABASE, "controller-a", noPlugins)
                .withServiceAccess(new ServiceAccess(List.of(ServiceRule.of("prod", "prod/payments", false))));

        assertThatThrownBy(() -> ledgers.of(job, "prod/payments", warning -> {}))
                .isInstanceOf(ServiceRefusal.Refused.class)
                .hasMessageContaining("'prod/payments' is not allowed for sandbox/intruder");
        assertThat(ledgers.of(job, "", warning -> {})).isInstanceOf(FileDeployLedger.class);
        when(job.getFullName()).thenReturn("prod/payments-deploy");
        assertThat(ledgers.of(job, "prod/payments", warning -> {})).isInstanceOf(FileDeployLedger.class);
    }
}
