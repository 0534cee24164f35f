package hudson.plugins.promoted_builds;

import hudson.ExtensionPoint;
import hudson.model.AbstractBuild;
import hudson.model.Describable;

public abstract class PromotionCondition implements ExtensionPoint, Describable<PromotionCondition> {
    public PromotionBadge isMet(PromotionProcess promotionProcess, AbstractBuild<?, ?> build) {
        throw new UnsupportedOperationException();
    }
}
