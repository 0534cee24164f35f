package io.jenkins.plugins.deployoften.ui;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Items;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import hudson.model.View;
import hudson.model.ViewGroup;
import io.jenkins.plugins.deployoften.JenkinsFacade;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which jobs the Deploy health widget and page cover: those of a view (and of the folders it shows), of a folder
 * (at any depth) or of all of Jenkins, cut to the jobs the current user may read (Item/Read) that use DeployOften.
 * A job the user may not read is never looked at, so it changes no figure, row or column. Each job's figures come
 * from its cached ledger summary ({@link DeployHealthService}), never from builds.
 */
final class DeployHealthScope {
    private static final Logger LOGGER = Logger.getLogger(DeployHealthScope.class.getName());
    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private final List<Job<?, ?>> jobs;
    private final List<String> problems;

    private DeployHealthScope(List<Job<?, ?>> jobs, List<String> problems) {
        this.jobs = jobs;
        this.problems = problems;
    }

    /**
     * @param view a view
     * @return its jobs, and those of the folders it shows
     */
    static DeployHealthScope ofView(View view) {
        return ofView(view, JENKINS);
    }

    /** As {@link #ofView(View)}, asking {@code jenkins} what the user may read. */
    static DeployHealthScope ofView(View view, JenkinsFacade jenkins) {
        return new DeployHealthScope(readableDeploying(jobsOf(view), jenkins), List.of());
    }

    /**
     * The scope the Deploy health page's parameters name. An unknown view or folder, or one the user may not read,
     * is a problem (a message naming the parameter and what it may be) and the scope has no job.
     *
     * @param view {@code ?view=}: the view's path in the folder (or in Jenkins), such as {@code team/backend}; blank
     *     for none
     * @param folder {@code ?folder=}: a folder's full name, such as {@code team-a/payments}; blank for none
     * @return the scope
     */
    static DeployHealthScope of(String view, String folder) {
        String folderName = ViewPath.trimSlashes(folder);
        String viewPath = ViewPath.trimSlashes(view);
        ItemGroup<?> folderGroup = null;
        if (!folderName.isEmpty()) {
            folderGroup = readableFolder(folderName);
            if (folderGroup == null) {
                return problem(Messages.DeployHealthPage_unknownFolder(folderName));
            }
        }
        if (!viewPath.isEmpty()) {
            ViewGroup root;
            String where;
            if (folderGroup == null) {
                root = JENKINS.getRoot();
                where = Messages.DeployHealthPage_inJenkins();
            } else if (folderGroup instanceof ViewGroup) {
                root = (ViewGroup) folderGroup;
                where = Messages.DeployHealthPage_inFolder(folderName);
            } else {
                return problem(Messages.DeployHealthPage_folderWithoutViews(viewPath, folderName));
            }
            ViewPath.Found found = ViewPath.find(root, where, viewPath, JENKINS);
            if (found.view() == null) {
                return problem(found.problem());
            }
            return ofView(found.view());
        }
        if (folderGroup != null) {
            return new DeployHealthScope(
                    readableDeploying(Items.getAllItems(folderGroup, Job.class), JENKINS), List.of());
        }
        List<Job<?, ?>> all = new ArrayList<>();
        for (Job<?, ?> job : JENKINS.getAllJobs()) {
            all.add(job);
        }
        return new DeployHealthScope(readableDeploying(all, JENKINS), List.of());
    }

    private static DeployHealthScope problem(String message) {
        return new DeployHealthScope(List.of(), List.of(message));
    }

    /** @return the folder of that full name when the user may read it, else {@code null} */
    private static ItemGroup<?> readableFolder(String fullName) {
        try {
            Item item = JENKINS.getItemByFullName(fullName).orElse(null);
            if (item instanceof ItemGroup<?> group && JENKINS.hasPermission(Item.READ, item)) {
                return group;
            }
            return null;
        } catch (AccessDeniedException e) {
            // the user may discover it but not read it: as unknown as a folder that does not exist
            return null;
        }
    }

    /** @return the view's jobs and the jobs of the folders it shows, each once */
    private static Collection<? extends Job<?, ?>> jobsOf(View view) {
        Map<String, Job<?, ?>> jobs = new LinkedHashMap<>();
        for (TopLevelItem item : view.getItems()) {
            if (item instanceof Job) {
                jobs.putIfAbsent(item.getFullName(), (Job<?, ?>) item);
            }
            if (item instanceof ItemGroup) {
                for (Job<?, ?> job : Items.getAllItems((ItemGroup<?>) item, Job.class)) {
                    jobs.putIfAbsent(job.getFullName(), job);
                }
            }
        }
        return jobs.values();
    }

    @SuppressWarnings("rawtypes")
    private static List<Job<?, ?>> readableDeploying(Collection<? extends Job> candidates, JenkinsFacade jenkins) {
        List<Job<?, ?>> kept = new ArrayList<>();
        for (Job<?, ?> job : candidates) {
            // Jenkins lists readable items only already; checked again so no path can leak a job
            if (jenkins.hasPermission(Item.READ, job) && DeployDashboardActionFactory.hasDeployHistoryOrStep(job)) {
                kept.add(job);
            }
        }
        return kept;
    }

    /** @return why the parameters name no scope, empty when they name one */
    List<String> problems() {
        return problems;
    }

    /** @return the jobs the user may read that use DeployOften */
    List<Job<?, ?>> jobs() {
        return jobs;
    }

    /**
     * @return each job as the Deploy health page's table takes it, one summary read each; a job whose ledger cannot be
     *     read is left out
     */
    List<DeployHealthTable.Job> tableJobs() {
        List<DeployHealthTable.Job> entries = new ArrayList<>();
        for (Job<?, ?> job : jobs) {
            try {
                entries.add(DeployHealthService.get().tableJobOf(job));
            } catch (IOException | RuntimeException e) {
                // one unreadable ledger must not take the page down: the job is left out and logged
                LOGGER.log(Level.WARNING, "cannot read the deploy ledger of " + job.getFullName(), e);
            }
        }
        return entries;
    }
}
