package jenkins.widgets;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.widgets.Widget;
import java.util.Collection;

public abstract class WidgetFactory<T extends HasWidgets, W extends Widget> implements ExtensionPoint {
    public abstract Class<T> type();

    public abstract Class<W> widgetType();

    public abstract @NonNull Collection<W> createFor(@NonNull T target);
}
