package io.jenkins.plugins.deployoften.model;

import static io.jenkins.plugins.deployoften.model.StrictJsonFields.countValue;
import static io.jenkins.plugins.deployoften.model.StrictJsonFields.expect;
import static io.jenkins.plugins.deployoften.model.StrictJsonFields.field;
import static io.jenkins.plugins.deployoften.model.StrictJsonFields.readString;
import static io.jenkins.plugins.deployoften.model.StrictJsonFields.stringValue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DeployStatistics} as a JSON object, for a cache on disk: every figure the others are not derived from
 * ({@link DeployStatistics.Stored}), the derived ones computed again when read, so what is read equals what was
 * written. Fields in this order, each always present, absent values as {@code null}:
 *
 * <pre>
 * environment   the environment's name
 * now           the window's end (ISO-8601 UTC); weeks   its length in weeks
 * skippedLines  unreadable ledger lines
 * buckets       per week, oldest first: [weekStart, successful, failed, aborted, skipped, successDayBits, [sketch]]
 *               (weekStart ISO-8601 UTC, the sketch as {@link DurationSketchJson})
 * historyStart, lastSuccessStarted, lastSuccessEnded, nextRecordStart   instants
 * median, p90, leadTime, recovery   durations (ISO-8601)
 * streak        [outcome, length], or [] when no deploy completed
 * recovered, neverDeployed, missingBuilds   counts
 * </pre>
 *
 * Reading is strict: anything else throws, so a caller treats the cache as absent.
 */
public final class DeployStatisticsFormat {
    private DeployStatisticsFormat() {}

    /**
     * @param json where to write the object
     * @param statistics the statistics
     * @throws IOException when the generator fails
     */
    public static void write(JsonGenerator json, DeployStatistics statistics) throws IOException {
        DeployStatistics.Stored stored = statistics.stored();
        json.writeStartObject();
        json.writeStringField("environment", stored.environment().toString());
        json.writeStringField("now", stored.now().toString());
        json.writeNumberField("weeks", stored.windowWeeks());
        json.writeNumberField("skippedLines", stored.skippedLines());
        json.writeArrayFieldStart("buckets");
        for (WeeklyBucket week : stored.weeks()) {
            json.writeStartArray();
            json.writeString(week.startInstant().toString());
            json.writeNumber(week.getSuccessful());
            json.writeNumber(week.getFailed());
            json.writeNumber(week.getAborted());
            json.writeNumber(week.getSkipped());
            json.writeNumber(week.successDayBits());
            DurationSketchJson.write(json, week.getDurations());
            json.writeEndArray();
        }
        json.writeEndArray();
        writeInstant(json, "historyStart", stored.historyStart());
        writeInstant(json, "lastSuccessStarted", stored.lastSuccessStartedAt());
        writeInstant(json, "lastSuccessEnded", stored.lastSuccessEndedAt());
        writeInstant(json, "nextRecordStart", stored.nextRecordStart());
        writeDuration(json, "median", stored.medianDuration());
        writeDuration(json, "p90", stored.p90Duration());
        writeDuration(json, "leadTime", stored.medianLeadTime());
        writeDuration(json, "recovery", stored.medianRecoveryTime());
        json.writeArrayFieldStart("streak");
        if (stored.streak().getOutcome().isPresent()) {
            json.writeString(stored.streak().getOutcome().get().name());
            json.writeNumber(stored.streak().getLength());
        }
        json.writeEndArray();
        json.writeNumberField("recovered", stored.recoveredFailures());
        json.writeNumberField("neverDeployed", stored.skippedBuildsNeverDeployed());
        json.writeNumberField("missingBuilds", stored.missingBuilds());
        json.writeEndObject();
    }

    /**
     * Reads the object whose START_OBJECT is the next token, through its END_OBJECT.
     *
     * @param json the parser
     * @return the statistics
     * @throws IOException when the parser fails
     * @throws IllegalArgumentException when it is not an object as {@link #write} writes it
     */
    public static DeployStatistics read(JsonParser json) throws IOException {
        expect(json.nextToken(), JsonToken.START_OBJECT);
        EnvironmentName environment = EnvironmentName.of(readString(json, "environment"));
        Instant now = Instant.parse(readString(json, "now"));
        int weeks = readInt(json, "weeks");
        int skippedLines = readInt(json, "skippedLines");
        field(json, "buckets");
        expect(json.nextToken(), JsonToken.START_ARRAY);
        List<WeeklyBucket> buckets = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            Instant weekStart = Instant.parse(stringValue(json, json.nextToken()));
            int successful = countValue(json, json.nextToken());
            int failed = countValue(json, json.nextToken());
            int aborted = countValue(json, json.nextToken());
            int skipped = countValue(json, json.nextToken());
            int successDays = countValue(json, json.nextToken());
            expect(json.nextToken(), JsonToken.START_ARRAY);
            DurationSketch durations = DurationSketchJson.read(json);
            expect(json.nextToken(), JsonToken.END_ARRAY);
            buckets.add(WeeklyBucket.of(
                    weekStart,
                    successful,
                    failed,
                    aborted,
                    skipped,
                    successDays,
                    new DurationSketch.Mutable().addAll(durations)));
        }
        Instant historyStart = readInstant(json, "historyStart");
        Instant lastSuccessStarted = readInstant(json, "lastSuccessStarted");
        Instant lastSuccessEnded = readInstant(json, "lastSuccessEnded");
        Instant nextRecordStart = readInstant(json, "nextRecordStart");
        Duration median = readDuration(json, "median");
        Duration p90 = readDuration(json, "p90");
        Duration leadTime = readDuration(json, "leadTime");
        Duration recovery = readDuration(json, "recovery");
        field(json, "streak");
        expect(json.nextToken(), JsonToken.START_ARRAY);
        DeployStreak streak = DeployStreak.none();
        if (json.nextToken() != JsonToken.END_ARRAY) {
            DeployOutcome outcome = DeployOutcome.valueOf(stringValue(json, json.currentToken()));
            streak = DeployStreak.of(outcome, countValue(json, json.nextToken()));
            expect(json.nextToken(), JsonToken.END_ARRAY);
        }
        int recovered = readInt(json, "recovered");
        int neverDeployed = readInt(json, "neverDeployed");
        int missingBuilds = readInt(json, "missingBuilds");
        expect(json.nextToken(), JsonToken.END_OBJECT);
        return DeployStatistics.restore(new DeployStatistics.Stored(
                environment,
                now,
                weeks,
                skippedLines,
                buckets,
                historyStart,
                median,
                p90,
                leadTime,
                streak,
                recovery,
                recovered,
                neverDeployed,
                missingBuilds,
                lastSuccessStarted,
                lastSuccessEnded,
                nextRecordStart));
    }

    private static void writeInstant(JsonGenerator json, String name, Instant instant) throws IOException {
        json.writeFieldName(name);
        if (instant == null) {
            json.writeNull();
        } else {
            json.writeString(instant.toString());
        }
    }

    private static void writeDuration(JsonGenerator json, String name, Duration duration) throws IOException {
        json.writeFieldName(name);
        if (duration == null) {
            json.writeNull();
        } else {
            json.writeString(duration.toString());
        }
    }

    private static Instant readInstant(JsonParser json, String name) throws IOException {
        String text = readNullableString(json, name);
        return text == null ? null : Instant.parse(text);
    }

    private static Duration readDuration(JsonParser json, String name) throws IOException {
        String text = readNullableString(json, name);
        return text == null ? null : Duration.parse(text);
    }

    private static String readNullableString(JsonParser json, String name) throws IOException {
        field(json, name);
        JsonToken token = json.nextToken();
        return token == JsonToken.VALUE_NULL ? null : stringValue(json, token);
    }

    private static int readInt(JsonParser json, String name) throws IOException {
        field(json, name);
        return countValue(json, json.nextToken());
    }
}
