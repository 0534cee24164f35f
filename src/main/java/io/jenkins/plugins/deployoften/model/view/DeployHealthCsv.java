package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DisplayText;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Deploy health page's rows as CSV ({@code /deployoften/rows.csv}): one line per job and environment it
 * deployed to (a job without any deploy that ran: one line with the environment fields empty), every row of the
 * scope in page order, under a header line of field names.
 *
 * <p>RFC 4180: fields separated by commas, lines ended by CRLF, a field holding a comma, a double quote, CR or LF
 * enclosed in double quotes with its double quotes doubled. User-controlled text is first made one safe line
 * ({@link DisplayText}); then a field that a spreadsheet would take for a formula (starting with {@code =}, {@code
 * +}, {@code -}, {@code @}, a tab or CR) gets a leading apostrophe, so opening the file runs nothing. Times are ISO
 * 8601 instants (UTC), URLs relative to the Jenkins root.
 */
public final class DeployHealthCsv {
    /** The media type of the file. */
    public static final String CONTENT_TYPE = "text/csv;charset=utf-8";

    /** The header line's field names, in order. */
    public static final List<String> FIELDS = List.of(
            "job",
            "jobUrl",
            "gate",
            "stale",
            "goingStale",
            "lastOverride",
            "environment",
            "build",
            "buildUrl",
            "commit",
            "startedAt",
            "outcome",
            "triggeredBy",
            "lastAttemptFailed",
            "lastAttemptBuild",
            "lastAttemptOutcome",
            "lastAttemptStartedAt");

    private static final String CRLF = "\r\n";

    private DeployHealthCsv() {}

    /**
     * @param table the page's table
     * @return the CSV text of all its rows
     */
    public static String of(DeployHealthTable table) {
        StringBuilder out = new StringBuilder();
        line(out, FIELDS);
        for (DeployHealthTable.Row row : table.getRows()) {
            if (row.getCells().isEmpty()) {
                List<String> fields = jobFields(row);
                while (fields.size() < FIELDS.size()) {
                    fields.add("");
                }
                line(out, fields);
            }
            for (DeployHealthTable.Cell cell : row.getCells().values()) {
                List<String> fields = jobFields(row);
                fields.add(cell.getEnvironment());
                Optional<DeployRecord> shown = cell.getShown();
                fields.add(shown.map(r -> Integer.toString(r.getBuildNumber())).orElse(""));
                fields.add(shown.map(r -> buildUrl(row, r)).orElse(""));
                fields.add(shown.flatMap(DeployRecord::getCommit).orElse(""));
                fields.add(shown.map(DeployHealthCsv::time).orElse(""));
                fields.add(shown.map(r -> r.getOutcome().name()).orElse(""));
                fields.add(shown.flatMap(DeployRecord::getTrigger).orElse(""));
                fields.add(Boolean.toString(cell.isLastAttemptFailed()));
                Optional<DeployRecord> attempt = cell.getLastAttempt();
                fields.add(
                        attempt.map(r -> Integer.toString(r.getBuildNumber())).orElse(""));
                fields.add(attempt.map(r -> r.getOutcome().name()).orElse(""));
                fields.add(attempt.map(DeployHealthCsv::time).orElse(""));
                line(out, fields);
            }
        }
        return out.toString();
    }

    private static List<String> jobFields(DeployHealthTable.Row row) {
        List<String> fields = new ArrayList<>();
        DeployHealthTable.Job job = row.getJob();
        fields.add(job.fullName());
        fields.add(job.url());
        fields.add(job.health().getGateState().name());
        fields.add(Boolean.toString(row.getStanding().stale()));
        fields.add(Boolean.toString(row.getStanding().goingStale()));
        fields.add(job.lastOverride());
        return fields;
    }

    /** @return the build's URL relative to the Jenkins root: the job's URL and the build number */
    static String buildUrl(DeployHealthTable.Row row, DeployRecord record) {
        return row.getJob().url() + record.getBuildNumber() + "/";
    }

    private static String time(DeployRecord record) {
        return DateTimeFormatter.ISO_INSTANT.format(record.getStartedAt());
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append(CRLF);
    }

    /**
     * @param value a field's text, {@code null} for none
     * @return the field as the file holds it: one safe line, a formula neutralised, quoted when it must be
     */
    public static String field(String value) {
        String text = neutralised(DisplayText.of(value));
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /**
     * @param text a field's text
     * @return it with a leading apostrophe when a spreadsheet would read it as a formula: it starts with {@code =},
     *     {@code +}, {@code -}, {@code @}, a tab or CR
     */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }
}
