package hudson.model;

public class Queue {
    private Queue() {}

    public interface Task {}

    public interface Executable {}
}
