package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.ui.DeployHealthColumn;

/** A model view class with an arrow design.puml does not draw (model.view to ui), for the package rule's test. */
final class ViewThatReachesIntoGlue {
    String column() {
        return DeployHealthColumn.class.getName();
    }
}
