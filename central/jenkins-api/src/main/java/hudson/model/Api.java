package hudson.model;

public class Api {
    public Api(Object bean) {}
}
