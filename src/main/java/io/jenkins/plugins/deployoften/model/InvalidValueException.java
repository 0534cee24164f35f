package io.jenkins.plugins.deployoften.model;

/** A value the model refuses to take, carrying what is wrong with it. */
public class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final FieldProblem problem;

    /** @param problem what is wrong; the message is its English wording, naming the field */
    public InvalidValueException(FieldProblem problem) {
        this(problem, problem.message());
    }

    /**
     * @param problem what is wrong
     * @param message the English message, when it differs from the problem's own wording
     */
    public InvalidValueException(FieldProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    /** @return what is wrong with the value */
    public FieldProblem problem() {
        return problem;
    }
}
