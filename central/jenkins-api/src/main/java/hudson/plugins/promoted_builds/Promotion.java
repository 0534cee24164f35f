package hudson.plugins.promoted_builds;

import hudson.model.AbstractBuild;

public class Promotion extends AbstractBuild<PromotionProcess, Promotion> {
    private Promotion() {}
}
