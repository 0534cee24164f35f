package io.jenkins.plugins.deployoften.config;

import hudson.Extension;
import hudson.model.AdministrativeMonitor;
import io.jenkins.plugins.deployoften.Messages;
import java.util.Optional;

/**
 * Tells administrators when the shared deploy ledger they chose cannot be used, so builds quietly keep deploy
 * history in the job folders instead.
 */
@Extension
public class SharedLedgerMonitor extends AdministrativeMonitor {
    @Override
    public String getDisplayName() {
        return Messages.SharedLedgerMonitor_displayName();
    }

    @Override
    public boolean isActivated() {
        return getProblem().isPresent();
    }

    /** @return why the shared ledger cannot be used, shown in the message */
    public Optional<String> getProblem() {
        return DeployOftenConfiguration.ledgers().sharedLedgerProblem();
    }
}
