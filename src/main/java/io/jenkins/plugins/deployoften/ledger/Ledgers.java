package io.jenkins.plugins.deployoften.ledger;

import hudson.model.Job;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.HistoryScope;
import io.jenkins.plugins.deployoften.model.ledger.ServiceAccess;
import io.jenkins.plugins.deployoften.model.ledger.ServiceRefusal;
import io.jenkins.plugins.deployoften.model.ledger.SharedDeployLedger;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Where each job's deploy history lives: a ledger file in the job's own directory, or, when an admin chose
 * "the Jenkins database", the shared ledger in that database with the job's file kept beside it.
 */
public final class Ledgers {
    private static final Logger LOGGER = Logger.getLogger(Ledgers.class.getName());

    private final LedgerStore store;
    private final String controllerName;
    private final JenkinsFacade jenkins;
    private final ServiceAccess access;

    /** @return ledgers that keep each job's history in its folder */
    public static Ledgers inJobFolders() {
        return new Ledgers(LedgerStore.JOB_FOLDERS, "");
    }

    /**
     * @param store where the administrator chose to keep deploy history
     * @param controllerName this controller's name in the shared ledger
     */
    public Ledgers(LedgerStore store, String controllerName) {
        this(store, controllerName, new JenkinsFacade());
    }

    /**
     * @param store where the administrator chose to keep deploy history
     * @param controllerName this controller's name in the shared ledger
     * @param jenkins the Jenkins asked whether the Database plugin is installed and for its jobs
     */
    public Ledgers(LedgerStore store, String controllerName, JenkinsFacade jenkins) {
        this(store, controllerName, jenkins, ServiceAccess.NONE);
    }

    private Ledgers(LedgerStore store, String controllerName, JenkinsFacade jenkins, ServiceAccess access) {
        this.store = store;
        this.controllerName = controllerName;
        this.jenkins = jenkins;
        this.access = access;
    }

    /**
     * @param serviceAccess which service names each job may use (without it, none)
     * @return these ledgers, allowing jobs those services
     */
    public Ledgers withServiceAccess(ServiceAccess serviceAccess) {
        return new Ledgers(store, controllerName, jenkins, serviceAccess);
    }

    /**
     * @param job the job
     * @return its ledger; it stays when builds are discarded, so deploy history outlives build retention
     */
    public DeployLedger of(Job<?, ?> job) {
        return of(job, "", LOGGER::warning);
    }

    /**
     * @param job the job
     * @param service the service the job deploys, as the steps' {@code service} names it; blank for the job's
     *     own history. Only the shared ledger keys history by service; a job folder holds its job's history.
     * @param warnings told about problems with the shared database, for example the build log
     * @return its ledger
     * @throws ServiceRefusal.Refused when no administrator's mapping allows the job the service; the steps check
     *     this first, with their own wording
     */
    public DeployLedger of(Job<?, ?> job, String service, Consumer<String> warnings) {
        Optional<ServiceRefusal> refusal = access.refusal(job.getFullName(), service);
        if (refusal.isPresent()) {
            throw new ServiceRefusal.Refused(refusal.get());
        }
        if (store == LedgerStore.JENKINS_DATABASE && jenkins.isPluginInstalled("database")) {
            HistoryScope scope = access.scope(job.getFullName(), service, controllerName);
            Optional<DeployLedger> shared = SharedLedgers.of(job, scope, controllerName, warnings);
            if (shared.isPresent()) {
                return shared.get();
            }
        }
        return new FileDeployLedger(job.getRootDir().toPath());
    }

    /**
     * Connects to the Jenkins database and brings the shared ledger's schema up to date.
     *
     * @param jenkins the Jenkins asked whether the Database plugin is installed
     * @return the schema version
     * @throws IllegalStateException saying what is wrong, without a stack trace a page would show
     */
    public static String testSharedLedger(JenkinsFacade jenkins) {
        checkSharedLedgerConfigured(jenkins);
        return SharedLedgers.testConnection();
    }

    /**
     * Checks, without connecting, that a shared ledger can be set up: the Database plugin is installed and a
     * database is configured.
     *
     * @param jenkins the Jenkins asked whether the Database plugin is installed
     * @throws IllegalStateException saying what is missing
     */
    public static void checkSharedLedgerConfigured(JenkinsFacade jenkins) {
        if (!jenkins.isPluginInstalled("database")) {
            throw new IllegalStateException(
                    "the Database plugin is not installed: install it and its PostgreSQL driver plugin");
        }
        SharedLedgers.checkConfigured();
    }

    /**
     * @return why the shared ledger the administrator chose cannot be used, so builds keep history in the job
     *     folders; empty when it is not chosen or works
     */
    public Optional<String> sharedLedgerProblem() {
        if (store != LedgerStore.JENKINS_DATABASE) {
            return Optional.empty();
        }
        if (!jenkins.isPluginInstalled("database")) {
            return Optional.of(Messages.Ledgers_databasePluginMissing());
        }
        return SharedLedgers.problem();
    }

    /**
     * Copies every job's job-folder history into the shared ledger, under the job's default service key, for
     * jobs that deployed before the Jenkins database was chosen. Idempotent: a repeat stores nothing new.
     *
     * @return the totals
     * @throws IllegalStateException when the shared ledger is not chosen or cannot be used, saying why
     * @throws IOException when a job folder or the database failed; jobs imported before stay imported
     */
    @SuppressWarnings("rawtypes")
    public HistoryImport importJobFolderHistory() throws IOException {
        if (store != LedgerStore.JENKINS_DATABASE) {
            throw new IllegalStateException(
                    "deploy history is kept in the job folders: choose the Jenkins database" + " and save first");
        }
        Optional<String> problem = sharedLedgerProblem();
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get());
        }
        HistoryImport total = new HistoryImport();
        for (Job job : jenkins.getAllJobs()) {
            Job<?, ?> each = job;
            if (!java.nio.file.Files.exists(each.getRootDir().toPath().resolve(FileDeployLedger.FILE_NAME))) {
                continue;
            }
            DeployLedger ledger = of(each);
            if (!(ledger instanceof SharedDeployLedger)) {
                throw new IllegalStateException("the Jenkins database cannot be used for " + each.getFullName());
            }
            total.add(((SharedDeployLedger) ledger).importLocalHistory());
        }
        return total;
    }

    /** What {@link #importJobFolderHistory()} did, over all jobs. */
    public static final class HistoryImport {
        private int jobs;
        private int read;
        private int stored;

        void add(SharedDeployLedger.ImportResult result) {
            jobs++;
            read += result.getRead();
            stored += result.getStored();
        }

        /** @return jobs with a job-folder ledger */
        public int getJobs() {
            return jobs;
        }

        /** @return records found in their job folders */
        public int getRead() {
            return read;
        }

        /** @return records that were new to the database */
        public int getStored() {
            return stored;
        }
    }
}
