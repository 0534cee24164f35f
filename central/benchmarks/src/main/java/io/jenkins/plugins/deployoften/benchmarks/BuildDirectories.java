package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.CauseAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.CpsFlowExecution;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.DeployAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.EnvAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.FlowBuild;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitBranch;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitBuild;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitBuildData;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitRevision;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.GitScm;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.ParametersAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.ScmCheckout;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.StringParameterValue;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.TimeInQueueAction;
import io.jenkins.plugins.deployoften.benchmarks.BuildXmlDocument.UserIdCause;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A job's {@code builds/} directory, one {@code N/build.xml} per build, and how a per-build plugin finds the
 * deploy records of a window there: with the build numbers listed once and kept (as Jenkins keeps them), it
 * loads builds newest first until one is older than the window.
 */
final class BuildDirectories {
    private static final String BUILD_XML = "build.xml";

    private static final String JENKINSFILE = String.join(
            "\n",
            "pipeline {",
            "  agent { label 'linux' }",
            "  options { timeout(time: 30, unit: 'MINUTES'); buildDiscarder(logRotator(numToKeepStr: '100000')) }",
            "  parameters { string(name: 'TARGET', defaultValue: 'production', description: 'where to deploy') }",
            "  stages {",
            "    stage('Build') { steps { sh './mvnw -B -ntp verify' } }",
            "    stage('Image') { steps { sh 'docker build -t registry.example.com/shop/checkout:${GIT_COMMIT} .' } }",
            "    stage('Push') { steps { sh 'docker push registry.example.com/shop/checkout:${GIT_COMMIT}' } }",
            "    stage('Deploy') {",
            "      when { branch 'main' }",
            "      steps {",
            "        sh 'helm upgrade --install checkout charts/checkout --set image.tag=${GIT_COMMIT}'",
            "        sh 'kubectl rollout status deployment/checkout-service --timeout=300s'",
            "      }",
            "    }",
            "  }",
            "  post {",
            "    failure { mail to: 'team-checkout@example.com', subject: \"${env.JOB_NAME} failed\", body: env.BUILD_URL }",
            "    always { junit allowEmptyResults: true, testResults: '**/target/surefire-reports/*.xml' }",
            "  }",
            "}");

    private final Path buildsDirectory;
    private final BuildXmlCodec codec = new BuildXmlCodec();

    BuildDirectories(Path buildsDirectory) {
        this.buildsDirectory = buildsDirectory;
    }

    /** Writes one build directory with its build.xml per record. */
    void write(List<DeployRecord> records) throws IOException {
        for (DeployRecord record : records) {
            Path directory = buildsDirectory.resolve(Integer.toString(record.getBuildNumber()));
            Files.createDirectories(directory);
            codec.write(directory.resolve(BUILD_XML), document(record));
        }
    }

    /**
     * Lists the builds directory once, newest first, as Jenkins' {@code RunMap} does when it first loads a
     * job: it keeps the build numbers in memory from then on and loads each build's build.xml only when asked
     * for it, so a page view does not list the directory again.
     *
     * @return the build numbers, newest first
     */
    int[] listBuildNumbersNewestFirst() throws IOException {
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(buildsDirectory)) {
            for (Path entry : entries) {
                numbers.add(Integer.parseInt(entry.getFileName().toString()));
            }
        }
        numbers.sort(Comparator.reverseOrder());
        int[] newestFirst = new int[numbers.size()];
        for (int i = 0; i < newestFirst.length; i++) {
            newestFirst[i] = numbers.get(i);
        }
        return newestFirst;
    }

    /**
     * Loads builds newest first (XStream, one build.xml each) and stops at the first deploy that started
     * before {@code windowStart}, as Jenkins' {@code RunList} walks a job's builds back to a date: the honest
     * per-build baseline.
     *
     * @param newestFirst the build numbers, from {@link #listBuildNumbersNewestFirst()}, listed once
     * @return the records in the window, oldest first
     */
    List<DeployRecord> readBuildsNewestFirstBackTo(int[] newestFirst, Instant windowStart) throws IOException {
        List<DeployRecord> window = new ArrayList<>();
        for (int number : newestFirst) {
            DeployRecord record = deployRecordOf(number);
            if (record.getStartedAt().isBefore(windowStart)) {
                break;
            }
            window.add(record);
        }
        Collections.reverse(window);
        return window;
    }

    /** @return the mean size of the build.xml files, in bytes */
    long averageSize() throws IOException {
        long total = 0;
        int[] numbers = listBuildNumbersNewestFirst();
        for (int number : numbers) {
            total +=
                    Files.size(buildsDirectory.resolve(Integer.toString(number)).resolve(BUILD_XML));
        }
        return numbers.length == 0 ? 0 : total / numbers.length;
    }

    private DeployRecord deployRecordOf(int buildNumber) throws IOException {
        FlowBuild build = codec.read(
                buildsDirectory.resolve(Integer.toString(buildNumber)).resolve(BUILD_XML));
        for (Object action : build.actions) {
            if (action instanceof DeployAction) {
                return record((DeployAction) action);
            }
        }
        throw new IOException("build " + buildNumber + " has no deploy action");
    }

    private static DeployRecord record(DeployAction action) {
        return DeployRecord.builder(action.environment, action.jobFullName, action.buildNumber)
                .buildUrl(action.buildUrl)
                .commit(action.commit)
                .commitTime(action.commitTime == null ? null : Instant.ofEpochMilli(action.commitTime))
                .artifactFingerprint(action.artifactFingerprint)
                .outcome(DeployOutcome.valueOf(action.outcome))
                .reason(action.reason)
                .startedAt(Instant.ofEpochMilli(action.startedAt))
                .duration(Duration.ofMillis(action.durationMillis))
                .trigger(action.trigger)
                .message(action.message)
                .build();
    }

    private static FlowBuild document(DeployRecord record) {
        int number = record.getBuildNumber();
        String commit = record.getCommit().orElseThrow();
        Instant buildStart = record.getStartedAt().minus(Duration.ofMinutes(7));
        long queued = 1_200 + number % 5_000;
        String result = buildResult(record.getOutcome());

        FlowBuild build = new FlowBuild();
        build.actions.add(causes(record));
        build.actions.add(timeInQueue(queued));
        build.actions.add(gitBuildData(number, commit, result));
        build.actions.add(environment(number, commit));
        build.actions.add(parameters());
        build.actions.add(deployAction(record));
        build.queueId = 100_000L + number;
        build.timestamp = buildStart.toEpochMilli() - queued;
        build.startTime = buildStart.toEpochMilli();
        build.result = result;
        build.duration = Duration.between(buildStart, record.getEndedAt()).toMillis() + 4_000;
        build.execution = execution(number, result);
        build.checkouts.add(checkout(number));
        return build;
    }

    private static String buildResult(DeployOutcome outcome) {
        switch (outcome) {
            case SUCCESS:
                return "SUCCESS";
            case ABORTED:
                return "ABORTED";
            default:
                return "FAILURE";
        }
    }

    private static CauseAction causes(DeployRecord record) {
        UserIdCause cause = new UserIdCause();
        cause.userId = record.getTrigger().orElse("alice");
        CauseAction action = new CauseAction();
        action.causeBag.put(cause, 1);
        return action;
    }

    private static TimeInQueueAction timeInQueue(long queued) {
        TimeInQueueAction action = new TimeInQueueAction();
        action.queuingDurationMillis = queued;
        action.buildableDurationMillis = queued - 3;
        action.waitingDurationMillis = 3;
        return action;
    }

    private static GitBuildData gitBuildData(int number, String commit, String result) {
        GitBuildData data = new GitBuildData();
        for (String branch : List.of("refs/remotes/origin/main", "refs/remotes/origin/release-4.x")) {
            GitBranch gitBranch = new GitBranch();
            gitBranch.sha1 = commit;
            gitBranch.name = branch;
            GitRevision revision = new GitRevision();
            revision.sha1 = commit;
            revision.branches.add(gitBranch);
            GitBuild gitBuild = new GitBuild();
            gitBuild.marked = revision;
            gitBuild.revision = revision;
            gitBuild.hudsonBuildNumber = number;
            gitBuild.hudsonBuildResult = result;
            data.buildsByBranchName.put(branch, gitBuild);
            data.lastBuild = gitBuild;
        }
        data.remoteUrls.add("https://git.example.com/shop/checkout-service.git");
        return data;
    }

    private static EnvAction environment(int number, String commit) {
        EnvAction action = new EnvAction();
        action.env.put("APP_VERSION", "4." + number + ".0");
        action.env.put("GIT_COMMIT", commit);
        action.env.put("IMAGE", "registry.example.com/shop/checkout:" + commit);
        return action;
    }

    private static ParametersAction parameters() {
        StringParameterValue target = new StringParameterValue();
        target.name = "TARGET";
        target.description = "where to deploy";
        target.value = DeployHistory.ENVIRONMENT;
        ParametersAction action = new ParametersAction();
        action.parameters.add(target);
        action.parameterDefinitionNames.add("TARGET");
        return action;
    }

    private static DeployAction deployAction(DeployRecord record) {
        DeployAction action = new DeployAction();
        action.environment = record.getEnvironment().value();
        action.jobFullName = record.getJobFullName();
        action.buildNumber = record.getBuildNumber();
        action.buildUrl = record.getBuildUrl().orElse(null);
        action.commit = record.getCommit().orElse(null);
        action.commitTime = record.getCommitTime().map(Instant::toEpochMilli).orElse(null);
        action.artifactFingerprint = record.getArtifactFingerprint().orElse(null);
        action.outcome = record.getOutcome().name();
        action.reason = record.getReason().orElse(null);
        action.startedAt = record.getStartedAt().toEpochMilli();
        action.durationMillis = record.getDuration().toMillis();
        action.trigger = record.getTrigger().orElse(null);
        action.message = record.getMessage().orElse(null);
        return action;
    }

    private static CpsFlowExecution execution(int number, String result) {
        CpsFlowExecution execution = new CpsFlowExecution();
        execution.result = result;
        execution.script = JENKINSFILE;
        execution.timings.put("flowNode", 41_000_000L + number);
        execution.timings.put("classLoad", 180_000_000L);
        execution.timings.put("run", 2_900_000_000L);
        execution.timings.put("parse", 95_000_000L);
        execution.timings.put("saveProgram", 12_000_000L);
        execution.iota = 64;
        execution.head = "1:64";
        return execution;
    }

    private static ScmCheckout checkout(int number) {
        GitScm scm = new GitScm();
        scm.userRemoteConfigs.add("https://git.example.com/shop/checkout-service.git");
        scm.branches.add("*/main");
        ScmCheckout checkout = new ScmCheckout();
        checkout.scm = scm;
        checkout.node = "linux-agent-3";
        checkout.workspace = "/home/jenkins/workspace/shop_checkout-service_main";
        checkout.changelogFile =
                "/var/jenkins_home/jobs/shop/jobs/checkout-service/builds/" + number + "/changelog0.xml";
        return checkout;
    }
}
