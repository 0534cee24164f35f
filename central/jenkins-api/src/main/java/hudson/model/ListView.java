package hudson.model;

import hudson.util.DescribableList;
import hudson.views.ListViewColumn;
import java.io.IOException;
import java.util.List;

public class ListView extends View {
    public ListView(String name) {}

    public DescribableList<ListViewColumn, Descriptor<ListViewColumn>> getColumns() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TopLevelItem> getItems() {
        throw new UnsupportedOperationException();
    }

    public void add(TopLevelItem item) throws IOException {
        throw new UnsupportedOperationException();
    }

    public void setRecurse(boolean recurse) {
        throw new UnsupportedOperationException();
    }

    public void setIncludeRegex(String includeRegex) {
        throw new UnsupportedOperationException();
    }
}
