package hudson.plugins.promoted_builds;

public abstract class PromotionBadge {}
