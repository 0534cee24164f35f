package io.jenkins.plugins.deployoften.ledger;

import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.ledger.SharedLedgerNotice;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.jvnet.localizer.Localizable;

/**
 * Words what the shared ledger tells a build about the database, from Messages in English ({@link Locale#ROOT}),
 * as build log lines are: the build's log without the database's own words (they can name its host, port and user),
 * the controller's log with them.
 */
final class LedgerWords {
    private static final Logger LOGGER = Logger.getLogger(LedgerWords.class.getName());
    private static final Locale LOG = Locale.ROOT;

    private LedgerWords() {}

    /**
     * @param notice what happened
     * @param details the database's words, {@code null} when the notice says it all
     * @param buildLog the build's log
     */
    static void tell(SharedLedgerNotice notice, String details, Consumer<String> buildLog) {
        String line = log(notice);
        buildLog.accept(details == null ? line : text(Messages._LedgerWords_detailsInControllerLog(line)));
        LOGGER.warning(details == null ? line : line + ": " + details);
    }

    /** @return the notice as a build log line */
    static String log(SharedLedgerNotice notice) {
        return switch (notice) {
            case SharedLedgerNotice.Spooled n -> text(Messages._LedgerWords_spooled(String.valueOf(n.record())));
            case SharedLedgerNotice.NotSpooled n ->
                text(Messages._LedgerWords_notSpooled(String.valueOf(n.record()), n.spoolError()));
            case SharedLedgerNotice.Refused n ->
                n.sentOn()
                        ? text(Messages._LedgerWords_refusedSentOn(
                                n.service(), String.valueOf(n.record()), String.valueOf(n.deadLetterFile())))
                        : text(Messages._LedgerWords_refused(
                                n.service(), String.valueOf(n.record()), String.valueOf(n.deadLetterFile())));
            case SharedLedgerNotice.RefusedKeptLocally n ->
                text(Messages._LedgerWords_refusedKeptLocally(n.service(), String.valueOf(n.record()), n.spoolError()));
            case SharedLedgerNotice.UnreadableMoved n ->
                text(Messages._LedgerWords_unreadableMoved(n.lines(), String.valueOf(n.deadLetterFile())));
            case SharedLedgerNotice.NotCompacted n -> text(Messages._LedgerWords_notCompacted());
            case SharedLedgerNotice.Reconciled n -> text(Messages._LedgerWords_reconciled(n.records()));
        };
    }

    private static String text(Localizable message) {
        return message.toString(LOG);
    }
}
