package io.jenkins.plugins.deployoften.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.deploy.BuildResult;
import io.jenkins.plugins.deployoften.model.deploy.DeployAttempts;
import io.jenkins.plugins.deployoften.model.deploy.DeployEnvironmentVariables;
import io.jenkins.plugins.deployoften.model.deploy.DeployLane;
import io.jenkins.plugins.deployoften.model.deploy.DeployLanes;
import io.jenkins.plugins.deployoften.model.deploy.DeploySettings;
import io.jenkins.plugins.deployoften.model.deploy.NotDeployed;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of the "deploy to staging" step on a build: decides whether the build qualifies, waits for its
 * lane, runs the command with timeout and retries on the build's agent, records the outcome, and applies
 * the failure effect to the build.
 */
final class StagingDeploy {
    /** Serialises deploys per job and environment in this controller. */
    static final DeployLanes LANES = new DeployLanes();

    private final DeploySettings settings;
    private final Optional<String> commit;
    private final Clock clock;
    private final String service;

    StagingDeploy(DeploySettings settings, Optional<String> commit, Clock clock, String service) {
        this.settings = settings;
        this.commit = commit;
        this.clock = clock;
        this.service = service;
    }

    void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        Result current = run.getResult();
        Optional<String> skip = settings.getCondition()
                .skipReason(BuildResult.fromJenkins(current == null ? null : current.toString()))
                .map(DeployWords::reason);
        if (skip.isPresent()) {
            log.println(DeployWords.skipped(settings.getEnvironment(), skip.get()));
            DeployRecording.keep(run, skipped(run, skip.get()), listener, service);
            return;
        }
        DeployLane lane = LANES.lane(run.getParent().getFullName(), settings.getEnvironment());
        try (DeployLane.Admission admission = lane.enter(run.getNumber())) {
            if (!admission.isGranted()) {
                String reason = DeployWords.reason(
                        NotDeployed.supersededBy(admission.getSupersededBy().getAsInt()));
                log.println(DeployWords.skipped(settings.getEnvironment(), reason));
                DeployRecording.keep(run, skipped(run, reason), listener, service);
                return;
            }
            deploy(run, workspace, env, launcher, listener);
        }
    }

    private void deploy(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        log.println(DeployWords.start(settings.getEnvironment(), run.getNumber(), settings.getRetries() + 1));
        List<String> artifacts = RunFacts.artifactPaths(run);
        DeployAttempts.Report report = new DeployAttempts(clock, delay -> {
                    log.println(DeployWords.retrying(delay));
                    Thread.sleep(delay.toMillis());
                })
                .run(settings, (number, timeout) -> {
                    try {
                        return runOnce(run, workspace, env, launcher, listener, artifacts, number, timeout);
                    } catch (IOException e) {
                        log.println(DeployWords.couldNotRun(e));
                        return DeployAttempts.AttemptResult.exited(-1);
                    }
                });
        String reason = DeployWords.reason(report.failure());
        log.println(DeployWords.end(settings.getEnvironment(), report.outcome(), report.duration(), reason));
        DeployRecord record = RunFacts.recordFor(run, settings.getEnvironment(), commit, DeploySource.DEPLOY_TO_STAGING)
                .outcome(report.outcome())
                .reason(reason)
                .startedAt(report.startedAt())
                .duration(report.duration())
                .build();
        DeployRecording.keep(run, record, listener, service);
        if (report.outcome() == DeployOutcome.ABORTED) {
            throw new InterruptedException(reason);
        }
        if (report.outcome() == DeployOutcome.FAILURE) {
            Optional<BuildResult> effect = settings.getFailureEffect().buildResultAfterFailedDeploy();
            if (effect.isPresent() && effect.get() == BuildResult.FAILURE) {
                throw new AbortException(DeployWords.failed(settings.getEnvironment(), reason));
            }
            if (effect.isPresent()) {
                run.setResult(Result.UNSTABLE);
            }
        }
    }

    private DeployAttempts.AttemptResult runOnce(
            Run<?, ?> run,
            FilePath workspace,
            EnvVars env,
            Launcher launcher,
            TaskListener listener,
            List<String> artifacts,
            int attempt,
            Duration timeout)
            throws IOException, InterruptedException {
        boolean unix = launcher.isUnix();
        FilePath script =
                workspace.createTextTempFile("deployoften", unix ? ".sh" : ".bat", settings.getCommand(), false);
        try {
            EnvVars variables = new EnvVars();
            variables.putAll(env);
            variables.putAll(DeployEnvironmentVariables.of(
                    settings.getEnvironment(),
                    run.getParent().getFullName(),
                    run.getNumber(),
                    commit,
                    artifacts,
                    attempt));
            String[] command = unix
                    ? new String[] {"sh", "-xe", script.getRemote()}
                    : new String[] {"cmd", "/c", "call", script.getRemote()};
            Instant start = clock.instant();
            Proc process = launcher.launch()
                    .cmds(command)
                    .envs(variables)
                    .stdout(listener)
                    .pwd(workspace)
                    .start();
            int exitCode = process.joinWithTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS, listener);
            if (Duration.between(start, clock.instant()).compareTo(timeout) >= 0) {
                return DeployAttempts.AttemptResult.timedOut();
            }
            return DeployAttempts.AttemptResult.exited(exitCode);
        } finally {
            script.delete();
        }
    }

    private DeployRecord skipped(Run<?, ?> run, String reason) {
        Instant now = clock.instant();
        return RunFacts.recordFor(run, settings.getEnvironment(), commit, DeploySource.DEPLOY_TO_STAGING)
                .outcome(DeployOutcome.SKIPPED)
                .reason(reason)
                .startedAt(now)
                .build();
    }
}
