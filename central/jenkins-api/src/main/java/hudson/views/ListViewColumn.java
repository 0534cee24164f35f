package hudson.views;

import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class ListViewColumn implements ExtensionPoint, Describable<ListViewColumn> {}
