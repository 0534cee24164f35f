package io.jenkins.plugins.deployoften.ui;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.ViewDeployHealth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The Deploy health page as the remote API exports it ({@code /deployoften/api/json}, {@code api/xml}): the same
 * scope parameters, every row of the scope (not one page), the rows and their cells inlined so they show at the
 * default depth. Times are ISO 8601 instants (UTC), URLs relative to the Jenkins root; a missing value is {@code
 * null}.
 */
@ExportedBean
public class DeployHealthPageApi {
    private final DeployHealthPage page;

    DeployHealthPageApi(DeployHealthPage page) {
        this.page = page;
    }

    @Exported
    public String getView() {
        return page.getView();
    }

    @Exported
    public String getFolder() {
        return page.getFolder();
    }

    @Exported
    public String getState() {
        return page.getState();
    }

    /** @return the messages about unknown parameters; with any, there are no rows */
    @Exported
    public List<String> getProblems() {
        return page.getProblems();
    }

    /** @return how many jobs of the scope deploy, whatever their state */
    @Exported
    public int getJobs() {
        return health().getJobs();
    }

    @Exported
    public int getStale() {
        return health().getStale();
    }

    @Exported
    public int getGoingStale() {
        return health().getGoingStale();
    }

    @Exported
    public int getBlocked() {
        return health().getBlocked();
    }

    private ViewDeployHealth health() {
        return page.getTable().getScopeHealth();
    }

    /** @return the environment columns, by name */
    @Exported
    public List<String> getEnvironments() {
        return page.getTable().getEnvironments();
    }

    /** @return every row in the page's order */
    @Exported(inline = true)
    public List<Row> getRows() {
        return page.getTable().getRows().stream().map(Row::new).toList();
    }

    private static String time(DeployRecord record) {
        return DateTimeFormatter.ISO_INSTANT.format(record.getStartedAt());
    }

    /** One job. */
    @ExportedBean
    public static final class Row {
        private final DeployHealthTable.Row row;

        Row(DeployHealthTable.Row row) {
            this.row = row;
        }

        @Exported
        public String getJob() {
            return row.getJob().fullName();
        }

        @Exported
        public String getUrl() {
            return row.getJob().url();
        }

        @Exported
        public String getGateState() {
            return row.getJob().health().getGateState().name();
        }

        @Exported
        public boolean isStale() {
            return row.getStanding().stale();
        }

        @Exported
        public boolean isGoingStale() {
            return row.getStanding().goingStale();
        }

        @Exported
        public boolean isBlocked() {
            return row.getStanding().blocked();
        }

        @Exported
        public String getLastOverride() {
            return row.getJob().lastOverride();
        }

        /** @return what runs on each environment the job deployed to, by environment name */
        @Exported(inline = true)
        public List<Cell> getCells() {
            return row.getCells().values().stream()
                    .map(cell -> new Cell(row, cell))
                    .toList();
        }
    }

    /** What runs on one environment of one job. */
    @ExportedBean
    public static final class Cell {
        private final DeployHealthTable.Row row;
        private final DeployHealthTable.Cell cell;

        Cell(DeployHealthTable.Row row, DeployHealthTable.Cell cell) {
            this.row = row;
            this.cell = cell;
        }

        private Optional<DeployRecord> shown() {
            return cell.getShown();
        }

        @Exported
        public String getEnvironment() {
            return cell.getEnvironment();
        }

        /** @return the build of the deploy that runs there (else of the last attempt) */
        @Exported
        public int getBuild() {
            return shown().map(DeployRecord::getBuildNumber).orElse(0);
        }

        @Exported
        public String getBuildUrl() {
            return shown().map(record -> row.getJob().url() + record.getBuildNumber() + "/")
                    .orElse(null);
        }

        @Exported
        public String getCommit() {
            return shown().flatMap(DeployRecord::getCommit).map(DisplayText::of).orElse(null);
        }

        @Exported
        public String getStartedAt() {
            return shown().map(DeployHealthPageApi::time).orElse(null);
        }

        @Exported
        public String getOutcome() {
            return shown().map(record -> record.getOutcome().name()).orElse(null);
        }

        @Exported
        public String getTriggeredBy() {
            return shown().flatMap(DeployRecord::getTrigger)
                    .map(DisplayText::of)
                    .orElse(null);
        }

        @Exported
        public boolean isLastAttemptFailed() {
            return cell.isLastAttemptFailed();
        }

        @Exported
        public Integer getLastAttemptBuild() {
            return cell.getLastAttempt().map(DeployRecord::getBuildNumber).orElse(null);
        }

        @Exported
        public String getLastAttemptOutcome() {
            return cell.getLastAttempt()
                    .map(record -> record.getOutcome().name())
                    .orElse(null);
        }

        @Exported
        public String getLastAttemptStartedAt() {
            return cell.getLastAttempt().map(DeployHealthPageApi::time).orElse(null);
        }
    }
}
