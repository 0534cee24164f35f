package io.jenkins.plugins.deployoften.steps;

import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import io.jenkins.plugins.deployoften.DurationWords;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import jenkins.model.RunAction2;

/**
 * The deploys of one build: a badge in the build history, a summary on the build page. The ledger holds
 * the full records; this action keeps a short copy with the build so the build page never reads the ledger.
 */
public class DeployAction implements BuildBadgeAction, RunAction2 {
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private transient Run<?, ?> run;

    /**
     * Notes a deploy record on its build.
     *
     * @param run the build
     * @param record the record just appended to the ledger
     */
    public static synchronized void add(Run<?, ?> run, DeployRecord record) {
        DeployAction action = run.getAction(DeployAction.class);
        if (action == null) {
            action = new DeployAction();
            run.addAction(action);
        }
        action.entries.add(new Entry(record));
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** @return no sidebar link: the build page shows a summary instead */
    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.DeployAction_displayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }

    /** @return every deploy record of the build, skipped ones included */
    public List<Entry> getEntries() {
        return new ArrayList<>(entries);
    }

    /** @return whether the build ran a deploy (not only skipped ones): the badge shows only then */
    public boolean isDeployed() {
        return entries.stream().anyMatch(Entry::isDeployed);
    }

    /** @return whether every deploy that ran succeeded */
    public boolean isAllSucceeded() {
        return entries.stream().filter(Entry::isDeployed).allMatch(Entry::isSucceeded);
    }

    /** @return the badge's tooltip: one sentence per deploy that ran */
    public String getBadgeTooltip() {
        return entries.stream().filter(Entry::isDeployed).map(Entry::getSummary).collect(Collectors.joining("; "));
    }

    /** @return the URL of the job's deploy dashboard, relative to the Jenkins root */
    public String getDashboardUrl() {
        return run == null ? null : run.getParent().getUrl() + "deployoften/";
    }

    /** One deploy attempt of the build. */
    public static final class Entry {
        private final String environment;
        private final DeployOutcome outcome;
        private final long durationMillis;
        private final String reason;

        Entry(DeployRecord record) {
            this.environment = record.getEnvironment().value();
            this.outcome = record.getOutcome();
            this.durationMillis = record.getDuration().toMillis();
            this.reason = record.getReason().orElse("");
        }

        public String getEnvironment() {
            return environment;
        }

        public DeployOutcome getOutcome() {
            return outcome;
        }

        public long getDurationMillis() {
            return durationMillis;
        }

        public String getReason() {
            return reason;
        }

        public boolean isDeployed() {
            return outcome != DeployOutcome.SKIPPED;
        }

        public boolean isSucceeded() {
            return outcome == DeployOutcome.SUCCESS;
        }

        /** @return "deployed to staging in 42 s", "deploy to staging failed after 3 s: exit code 1", ... */
        public String getSummary() {
            String duration = DurationWords.of(Duration.ofMillis(durationMillis));
            switch (outcome) {
                case SUCCESS:
                    return Messages.DeployAction_succeeded(environment, duration);
                case FAILURE:
                    return Messages.DeployAction_failed(environment, duration, reason);
                case ABORTED:
                    return Messages.DeployAction_aborted(environment, duration);
                default:
                    return Messages.DeployAction_skipped(environment, reason);
            }
        }
    }
}
