package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import java.util.Random;

/** Text the generated deploy histories share: reasons by outcome and random hex identities. */
final class SampleText {
    private SampleText() {}

    /**
     * @param outcome the deploy's outcome
     * @param failure the reason a failed deploy gives
     * @return the reason the record carries, or {@code null} for a success
     */
    static String reasonFor(DeployOutcome outcome, String failure) {
        switch (outcome) {
            case FAILURE:
                return failure;
            case ABORTED:
                return "aborted by bob";
            case SKIPPED:
                return "tests failed before the deploy stage";
            default:
                return null;
        }
    }

    /** @return {@code digits} random lower-case hex digits, such as a commit id or an MD5 */
    static String hex(Random random, int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }
}
