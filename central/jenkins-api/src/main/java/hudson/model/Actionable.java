package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

public abstract class Actionable {
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public void replaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException();
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
