package io.jenkins.plugins.deployoften.steps;

import io.jenkins.plugins.deployoften.DurationWords;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.deploy.DeployAttempts;
import io.jenkins.plugins.deployoften.model.deploy.NotDeployed;
import java.time.Duration;
import java.util.Locale;
import org.jvnet.localizer.Localizable;

/**
 * The deploy steps' words for the build log and for the reason a record keeps, from Messages in English ({@link
 * Locale#ROOT}): a log line reads the same on every controller, and a recorded reason is data that outlives the
 * language of whoever read it first. Outcomes keep their identifiers ({@code FAILURE}) for {@code grep}.
 */
final class DeployWords {
    private static final Locale LOG = Locale.ROOT;

    private DeployWords() {}

    private static String text(Localizable message) {
        return message.toString(LOG);
    }

    /** @return the line before a deploy: {@code ===== DeployOften: deploying build #42 to staging ... =====} */
    static String start(EnvironmentName environment, int buildNumber, int attempts) {
        String build = String.valueOf(buildNumber);
        return attempts > 1
                ? text(Messages._DeployWords_startAttempts(build, environment.value(), String.valueOf(attempts)))
                : text(Messages._DeployWords_start(build, environment.value()));
    }

    /** @return the line after a deploy, with its outcome, duration and reason (one line, in order) */
    static String end(EnvironmentName environment, DeployOutcome outcome, Duration duration, String reason) {
        String took = DurationWords.of(duration, LOG);
        return reason == null || reason.isEmpty()
                ? text(Messages._DeployWords_end(environment.value(), outcome.name(), took))
                : text(Messages._DeployWords_endReason(
                        environment.value(), outcome.name(), took, DisplayText.of(reason)));
    }

    /** @return the line that says a build does not deploy, and why */
    static String skipped(EnvironmentName environment, String reason) {
        return text(Messages._DeployWords_skipped(environment.value(), DisplayText.of(reason)));
    }

    /** @return why a build did not deploy, as its SKIPPED record keeps it */
    static String reason(NotDeployed why) {
        return switch (why.why()) {
            case UNSTABLE -> text(Messages._DeployWords_unstable());
            case BUILD_ENDED ->
                text(Messages._DeployWords_buildEnded(why.result().name()));
            case STAGE_SKIPPED -> text(Messages._DeployWords_stageSkipped());
            case SUPERSEDED -> text(Messages._DeployWords_superseded(String.valueOf(why.supersededBy())));
        };
    }

    /** @return why a deploy failed or was aborted, as its record keeps it; empty text for a success */
    static String reason(DeployAttempts.Failure failure) {
        if (failure == null) {
            return "";
        }
        if (failure.interrupted()) {
            return text(Messages._DeployWords_interrupted());
        }
        String last = failure.last().isTimedOut()
                ? text(Messages._DeployWords_timedOut(DurationWords.of(failure.timeout(), LOG)))
                : text(Messages._DeployWords_exitCode(
                        String.valueOf(failure.last().exitCode())));
        return failure.attempts() > 1
                ? text(Messages._DeployWords_afterAttempts(last, String.valueOf(failure.attempts())))
                : last;
    }

    /** @return why a {@code deployOften} body that ended without a message failed: it was interrupted */
    static String interruptedBody() {
        return text(Messages._DeployWords_bodyInterrupted());
    }

    /** @return the line before the next attempt */
    static String retrying(Duration delay) {
        return text(Messages._DeployWords_retrying(String.valueOf(delay.getSeconds())));
    }

    /** @return the line that says the deploy command could not be started */
    static String couldNotRun(Exception failure) {
        return text(Messages._DeployWords_couldNotRun(String.valueOf(failure)));
    }

    /** @return the message that fails the build after a failed deploy */
    static String failed(EnvironmentName environment, String reason) {
        return text(Messages._DeployWords_failed(environment.value(), reason));
    }

    /** @return the line that says the record could not be kept */
    static String couldNotRecord(Exception failure) {
        return text(Messages._DeployWords_couldNotRecord(String.valueOf(failure)));
    }

    /** @return the line that confirms a deploy recorded by {@code recordDeploy} */
    static String recorded(DeployOutcome outcome, EnvironmentName environment, long durationMillis) {
        return text(
                Messages._DeployWords_recorded(outcome.name(), environment.value(), String.valueOf(durationMillis)));
    }
}
