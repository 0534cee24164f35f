package io.jenkins.plugins.deployoften.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small stand-ins for what a Pipeline build's {@code build.xml} holds, so XStream writes and reads documents
 * of the shape and size Jenkins does (about 5 KB): the run's own fields, its actions (causes, parameters,
 * Git build data, queue timing, and a plugin's deploy action holding one deploy record) and the Pipeline
 * execution with its script. {@link BuildXmlCodec} gives them Jenkins' element names.
 */
final class BuildXmlDocument {
    private BuildXmlDocument() {}

    /** {@code <flow-build>}: a WorkflowRun. */
    static final class FlowBuild {
        List<Object> actions = new ArrayList<>();
        long queueId;
        long timestamp;
        long startTime;
        String result;
        long duration;
        String charset = "UTF-8";
        boolean keepLog;
        CpsFlowExecution execution;
        boolean completed = true;
        List<ScmCheckout> checkouts = new ArrayList<>();
    }

    /** hudson.model.CauseAction: causes and how often each occurred. */
    static final class CauseAction {
        Map<Object, Integer> causeBag = new LinkedHashMap<>();
    }

    /** hudson.model.Cause$UserIdCause. */
    static final class UserIdCause {
        String userId;
    }

    /** hudson.model.ParametersAction. */
    static final class ParametersAction {
        List<StringParameterValue> parameters = new ArrayList<>();
        List<String> parameterDefinitionNames = new ArrayList<>();
    }

    /** hudson.model.StringParameterValue. */
    static final class StringParameterValue {
        String name;
        String description;
        String value;
    }

    /** jenkins.metrics.impl.TimeInQueueAction. */
    static final class TimeInQueueAction {
        long queuingDurationMillis;
        long blockedDurationMillis;
        long buildableDurationMillis;
        long waitingDurationMillis;
    }

    /** hudson.plugins.git.util.BuildData: the revision built, per branch. */
    static final class GitBuildData {
        Map<String, GitBuild> buildsByBranchName = new TreeMap<>();
        GitBuild lastBuild;
        List<String> remoteUrls = new ArrayList<>();
    }

    /** hudson.plugins.git.util.Build. */
    static final class GitBuild {
        GitRevision marked;
        GitRevision revision;
        int hudsonBuildNumber;
        String hudsonBuildResult;
    }

    /** hudson.plugins.git.Revision. */
    static final class GitRevision {
        String sha1;
        List<GitBranch> branches = new ArrayList<>();
    }

    /** hudson.plugins.git.Branch. */
    static final class GitBranch {
        String sha1;
        String name;
    }

    /** org.jenkinsci.plugins.workflow.cps.EnvActionImpl. */
    static final class EnvAction {
        Map<String, String> env = new TreeMap<>();
    }

    /** A deploy plugin's build action: one deploy record, as plugins keep it today. */
    static final class DeployAction {
        String environment;
        String jobFullName;
        int buildNumber;
        String buildUrl;
        String commit;
        Long commitTime;
        String artifactFingerprint;
        String outcome;
        String reason;
        long startedAt;
        long durationMillis;
        String trigger;
        String message;
    }

    /** org.jenkinsci.plugins.workflow.cps.CpsFlowExecution. */
    static final class CpsFlowExecution {
        String result;
        String script;
        Map<String, String> loadedScripts = new LinkedHashMap<>();
        String durabilityHint = "MAX_SURVIVABILITY";
        Map<String, Long> timings = new LinkedHashMap<>();
        boolean sandbox = true;
        int iota;
        String head;
        boolean done = true;
        boolean resumeBlocked;
    }

    /** org.jenkinsci.plugins.workflow.job.WorkflowRun$SCMCheckout. */
    static final class ScmCheckout {
        GitScm scm;
        String node;
        String workspace;
        String changelogFile;
    }

    /** hudson.plugins.git.GitSCM, as a checkout records it. */
    static final class GitScm {
        int configVersion = 2;
        List<String> userRemoteConfigs = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        boolean doGenerateSubmoduleConfigurations;
    }
}
