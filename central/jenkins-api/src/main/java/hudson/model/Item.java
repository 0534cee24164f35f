package hudson.model;

public interface Item extends ModelObject {
    String getFullName();

    String getUrl();
}
