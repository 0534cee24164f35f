package io.jenkins.plugins.deployoften;

/** How the steps normalise the text their users type. */
public final class StepValues {
    private StepValues() {}

    /**
     * @param text a field's value as bound from a form, a Jenkinsfile or Configuration as Code
     * @return the value without surrounding white space; empty text for {@code null}
     */
    public static String trimmed(String text) {
        return text == null ? "" : text.trim();
    }
}
