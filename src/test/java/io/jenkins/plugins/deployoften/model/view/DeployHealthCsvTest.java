package io.jenkins.plugins.deployoften.model.view;

import static io.jenkins.plugins.deployoften.model.view.TableFixtures.FRESH;
import static io.jenkins.plugins.deployoften.model.view.TableFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.view.TableFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.view.TableFixtures.Records;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/** The Deploy health page's rows as CSV: RFC 4180 and no formula a spreadsheet would run. */
public class DeployHealthCsvTest {
    private static final String HEADER = "job,jobUrl,gate,stale,goingStale,lastOverride,environment,build,buildUrl,"
            + "commit,startedAt,outcome,triggeredBy,lastAttemptFailed,lastAttemptBuild,lastAttemptOutcome,"
            + "lastAttemptStartedAt";

    private static String csv(List<DeployHealthTable.Job> jobs) {
        return DeployHealthCsv.of(DeployHealthTable.of(jobs, HealthStateFilter.ALL, FRESH, NOW));
    }

    @Test
    public void oneLinePerJobAndEnvironmentUnderTheHeaderEndedByCrlf() throws IOException {
        String csv = csv(List.of(job(
                "team/app",
                new Records("team/app")
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofHours(3), "abc123", "timer")
                        .deploy("staging", DeployOutcome.FAILURE, Duration.ofHours(1))
                        .deploy("production", DeployOutcome.SUCCESS, Duration.ofHours(2)))));

        assertThat(csv.split("\r\n", -1))
                .containsExactly(
                        HEADER,
                        "team/app,job/team/job/app/,UNKNOWN,false,false,,production,3,job/team/job/app/3/,,"
                                + "2026-06-04T10:00:00Z,SUCCESS,,false,3,SUCCESS,2026-06-04T10:00:00Z",
                        "team/app,job/team/job/app/,UNKNOWN,false,false,,staging,1,job/team/job/app/1/,abc123,"
                                + "2026-06-04T09:00:00Z,SUCCESS,timer,true,2,FAILURE,2026-06-04T11:00:00Z",
                        "");
        assertThat(csv).doesNotContain("\n\n").doesNotContain("\r\r");
    }

    @Test
    public void aJobWithoutADeployThatRanHasOneLineWithTheEnvironmentFieldsEmpty() throws IOException {
        String csv = csv(List.of(
                job("idle", new Records("idle").deploy("staging", DeployOutcome.SKIPPED, Duration.ofHours(1)))));

        // stale: it never deployed successfully
        assertThat(csv.split("\r\n")[1]).isEqualTo("idle,job/idle/,UNKNOWN,true,false,,,,,,,,,,,,");
        assertThat(csv.split("\r\n")[1].split(",", -1)).hasSize(DeployHealthCsv.FIELDS.size());
    }

    @Test
    public void fieldsWithCommasOrQuotesAreQuotedWithTheirQuotesDoubled() {
        assertThat(DeployHealthCsv.field("plain")).isEqualTo("plain");
        assertThat(DeployHealthCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(DeployHealthCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DeployHealthCsv.field("")).isEmpty();
        assertThat(DeployHealthCsv.field(null)).isEmpty();
    }

    @Test
    public void lineBreaksAndBidiControlsInUserTextCannotStartALineOrReorderIt() {
        assertThat(DeployHealthCsv.field("one\r\ntwo")).isEqualTo("one  two");
        assertThat(DeployHealthCsv.field("abc\u202Edef")).isEqualTo("abcdef");
    }

    @Test
    public void aFieldASpreadsheetWouldTakeForAFormulaGetsALeadingApostrophe() {
        assertThat(DeployHealthCsv.field("=HYPERLINK(\"http://evil\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(DeployHealthCsv.field("+1+1")).isEqualTo("'+1+1");
        assertThat(DeployHealthCsv.field("-2+3")).isEqualTo("'-2+3");
        assertThat(DeployHealthCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(DeployHealthCsv.field("=1,2")).isEqualTo("\"'=1,2\"");
        // a tab or CR at the start is made a space first, so it cannot start a formula either
        assertThat(DeployHealthCsv.field("\t=1")).isEqualTo(" =1");
        assertThat(DeployHealthCsv.neutralised("\t=1")).isEqualTo("'\t=1");
        // only the first character counts
        assertThat(DeployHealthCsv.field("a=b")).isEqualTo("a=b");
        assertThat(DeployHealthCsv.field("2026-06-04T10:00:00Z")).isEqualTo("2026-06-04T10:00:00Z");
    }

    @Test
    public void hostileRecordTextIsNeutralisedInTheFile() throws IOException {
        String csv = csv(List.of(job(
                "app",
                new Records("app")
                        .deploy(
                                "staging",
                                DeployOutcome.SUCCESS,
                                Duration.ofHours(1),
                                "=cmd|calc!A0",
                                "@SUM(1+1), by timer"))));

        String line = csv.split("\r\n")[1];
        assertThat(line).contains(",'=cmd|calc!A0,").contains(",\"'@SUM(1+1), by timer\",");
    }
}
