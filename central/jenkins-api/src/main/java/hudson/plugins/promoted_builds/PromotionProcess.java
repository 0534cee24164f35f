package hudson.plugins.promoted_builds;

import hudson.model.AbstractProject;

public final class PromotionProcess extends AbstractProject<PromotionProcess, Promotion> {
    private PromotionProcess() {}
}
