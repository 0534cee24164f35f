package io.jenkins.plugins.deployoften;

/** Puts a test's own {@link JenkinsFacade} in place and the previous one back on close. */
public final class JenkinsFacadeSwap implements AutoCloseable {
    private final JenkinsFacade previous;

    private JenkinsFacadeSwap(JenkinsFacade previous) {
        this.previous = previous;
    }

    public static JenkinsFacadeSwap install(JenkinsFacade replacement) {
        return new JenkinsFacadeSwap(JenkinsFacade.replace(replacement));
    }

    @Override
    public void close() {
        JenkinsFacade.replace(previous);
    }
}
