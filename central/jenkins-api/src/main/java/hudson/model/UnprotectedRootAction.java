package hudson.model;

import hudson.ExtensionPoint;

public interface UnprotectedRootAction extends RootAction, ExtensionPoint {}
