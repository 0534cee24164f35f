package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Sketches as the summary and health files store them: exact round trips, and nothing but what is written. */
public class DurationSketchJsonTest {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Test
    public void randomSketchesRoundTripExactly() throws IOException {
        Random random = new Random(13);
        for (int round = 0; round < 300; round++) {
            List<Duration> durations = new ArrayList<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                durations.add(Duration.ofMillis(random.nextInt(4) == 0 ? 0 : (long) Math.exp(random.nextInt(25))));
            }
            DurationSketch sketch = DurationSketch.of(durations);
            StringWriter text = new StringWriter();
            try (JsonGenerator json = FACTORY.createGenerator(text)) {
                DurationSketchJson.write(json, sketch);
            }
            DurationSketch read = read(text.toString());
            assertThat(read).as(text.toString()).isEqualTo(sketch);
            assertThat(read.buckets()).isEqualTo(sketch.buckets());
            assertThat(read.count()).isEqualTo(durations.size());
        }
        assertThat(read("[0]")).isSameAs(DurationSketch.empty());
    }

    @Test
    public void anythingElseIsRefused() {
        for (String bad : List.of(
                "[]",
                "[-1]",
                "[0,5]",
                "[0,5,0]",
                "[0,5,-2]",
                "[0,-5,1]",
                "[0,5,1,5,1]",
                "[0,6,1,5,1]",
                "[0,5,1.5]",
                "[0,\"5\",1]",
                "[0,5,99999999999999999999]",
                "[0,99999999999,1]")) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static DurationSketch read(String text) throws IOException {
        try (JsonParser json = FACTORY.createParser(text)) {
            assertThat(json.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            return DurationSketchJson.read(json);
        }
    }
}
