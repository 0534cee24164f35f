package io.jenkins.plugins.deployoften.ui;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.View;
import hudson.widgets.Widget;
import java.util.Collection;
import jenkins.widgets.WidgetFactory;

/**
 * A factory of widgets for views. Like {@link JobActionFactory}, it keeps {@code createFor} on the type parameter,
 * exactly as {@link WidgetFactory} declares it, and hands subclasses the view.
 *
 * @param <T> the kind of view
 * @param <W> the kind of widget
 */
abstract class ViewWidgetFactory<T extends View, W extends Widget> extends WidgetFactory<T, W> {
    @NonNull
    @Override
    public Collection<W> createFor(@NonNull T target) {
        return widgetsFor(target);
    }

    /**
     * @param view the view
     * @return the widgets to show in its side panel
     */
    abstract Collection<W> widgetsFor(View view);
}
