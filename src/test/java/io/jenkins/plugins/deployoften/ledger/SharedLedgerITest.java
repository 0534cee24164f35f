package io.jenkins.plugins.deployoften.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.Result;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.SharedLedgerMonitor;
import io.jenkins.plugins.deployoften.model.ledger.DeploySpool;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jenkinsci.plugins.database.Database;
import org.jenkinsci.plugins.database.GlobalDatabaseConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The shared ledger in a running Jenkins whose database is down from the start. */
public class SharedLedgerITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    /** A database whose pool cannot be created, as the Database plugin's is while the server is down. */
    public static final class UnreachableDatabase extends Database {
        @Override
        public DataSource getDataSource() throws SQLException {
            throw new SQLException("Connection to 127.0.0.1:1 refused (test)");
        }
    }

    @Test
    public void aDatabaseDownWhenFirstUsedGetsTheRecordSpooledAndTheBuildStaysGreen() throws Exception {
        GlobalDatabaseConfiguration.get().setDatabase(new UnreachableDatabase());
        DeployOftenConfiguration.get().setLedgerStore(LedgerStore.JENKINS_DATABASE);
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, "shared-service");
        job.setDefinition(new CpsFlowDefinition("recordDeploy result: 'SUCCESS'", true));

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        jenkins.assertLogContains("spooled", run);
        Path directory = job.getRootDir().toPath();
        assertThat(new FileDeployLedger(directory).readAll().records()).hasSize(1);
        Path spool = directory.resolve(DeploySpool.FOLDER).resolve(FileDeployLedger.FILE_NAME);
        assertThat(Files.readAllLines(spool, StandardCharsets.UTF_8)).hasSize(1);
        assertThat(ExtensionList.lookupSingleton(SharedLedgerMonitor.class).isActivated())
                .isTrue();
    }
}
