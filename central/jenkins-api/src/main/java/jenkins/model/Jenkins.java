package jenkins.model;

public class Jenkins {
    private Jenkins() {}

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }
}
