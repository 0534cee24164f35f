package hudson.model;

import hudson.tasks.Builder;
import hudson.tasks.Publisher;
import hudson.util.DescribableList;

public abstract class Project<P extends Project<P, B>, B extends Build<P, B>> extends AbstractProject<P, B> {
    public DescribableList<Builder, Descriptor<Builder>> getBuildersList() {
        throw new UnsupportedOperationException();
    }

    public DescribableList<Publisher, Descriptor<Publisher>> getPublishersList() {
        throw new UnsupportedOperationException();
    }
}
