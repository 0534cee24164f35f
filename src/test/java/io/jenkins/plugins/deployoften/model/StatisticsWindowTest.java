package io.jenkins.plugins.deployoften.model;

import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.FOUR_WEEK_START;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.TWELVE_WEEK_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.Test;

public class StatisticsWindowTest {
    @Test
    public void startsOnMondayMidnightUtcOfTheFirstOfTheWeeksEndingWithTheCurrentOne() {
        assertThat(StatisticsWindow.ending(NOW, 1).getStart()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(StatisticsWindow.ending(NOW, 4).getStart()).isEqualTo(FOUR_WEEK_START);
        assertThat(StatisticsWindow.ending(NOW, 12).getStart()).isEqualTo(TWELVE_WEEK_START);
    }

    @Test
    public void aMondayAtMidnightStartsItsOwnWeekAndSundayNightBelongsToThePreviousOne() {
        Instant monday = Instant.parse("2026-03-16T00:00:00Z");
        assertThat(StatisticsWindow.ending(monday, 1).getStart()).isEqualTo(monday);
        assertThat(StatisticsWindow.ending(monday.minusMillis(1), 1).getStart())
                .isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
    }

    @Test
    public void daysSoFarSinceAFirstRecordRunFromItsUtcDayToTodayAndNeverBeyondTheWindow() {
        StatisticsWindow window = StatisticsWindow.ending(NOW, 4);
        assertThat(window.getDaysSoFarSince(Optional.empty())).isEqualTo(24);
        // today, late in the UTC day: still one day
        assertThat(window.getDaysSoFarSince(Optional.of(Instant.parse("2026-03-18T11:59:00Z"))))
                .isEqualTo(1);
        // yesterday 23:59 UTC: two days
        assertThat(window.getDaysSoFarSince(Optional.of(Instant.parse("2026-03-17T23:59:00Z"))))
                .isEqualTo(2);
        // at or before the window start: the whole window
        assertThat(window.getDaysSoFarSince(Optional.of(FOUR_WEEK_START))).isEqualTo(24);
        assertThat(window.getDaysSoFarSince(Optional.of(FOUR_WEEK_START.minusSeconds(1))))
                .isEqualTo(24);
        // a record stamped after now by a skewed clock: at least one day, never zero or negative
        assertThat(window.getDaysSoFarSince(Optional.of(NOW.plusSeconds(86_400 * 3))))
                .isEqualTo(1);
    }

    @Test
    public void countsTheDaysSoFarIncludingTheBegunDaysOfTheCurrentWeek() {
        // Wednesday: 3 days of the current week, plus 7 per earlier week
        assertThat(StatisticsWindow.ending(NOW, 1).getDaysSoFar()).isEqualTo(3);
        assertThat(StatisticsWindow.ending(NOW, 12).getDaysSoFar()).isEqualTo(80);
        // Monday 00:00 exactly still counts its day, so rates never divide by zero
        assertThat(StatisticsWindow.ending(Instant.parse("2026-03-16T00:00:00Z"), 1)
                        .getDaysSoFar())
                .isEqualTo(1);
        // Sunday 23:59: a full week
        assertThat(StatisticsWindow.ending(Instant.parse("2026-03-22T23:59:00Z"), 2)
                        .getDaysSoFar())
                .isEqualTo(14);
    }

    @Test
    public void containsItsStartAndNowButNothingOutside() {
        StatisticsWindow window = StatisticsWindow.ending(NOW, 4);
        assertThat(window.contains(FOUR_WEEK_START)).isTrue();
        assertThat(window.contains(NOW)).isTrue();
        assertThat(window.contains(FOUR_WEEK_START.minusMillis(1))).isFalse();
        assertThat(window.contains(NOW.plusMillis(1))).isFalse();
    }

    @Test
    public void rejectsWindowsOutsideOneTo520WeeksNamingTheField() {
        for (int weeks : new int[] {0, -1, 521, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> StatisticsWindow.ending(NOW, weeks))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("windowWeeks")
                    .hasMessageContaining("between 1 and 520")
                    .hasMessageContaining(String.valueOf(weeks));
        }
        assertThat(StatisticsWindow.ending(NOW, 1).getWeeks()).isEqualTo(1);
        assertThat(StatisticsWindow.ending(NOW, 520).getWeeks()).isEqualTo(520);
    }

    @Test
    public void movedOnInItsWeekItEqualsTheWindowEndingThereAndRefusesAnotherWeek() {
        StatisticsWindow window = StatisticsWindow.ending(Instant.parse("2026-03-18T10:00:00Z"), 12);
        Instant nextMonday = Instant.parse("2026-03-23T00:00:00Z");
        assertThat(window.getNextWeekStart()).isEqualTo(nextMonday);

        for (Instant later :
                new Instant[] {window.getNow(), Instant.parse("2026-03-20T23:59:59Z"), nextMonday.minusNanos(1)}) {
            StatisticsWindow moved = window.movedTo(later);
            StatisticsWindow fresh = StatisticsWindow.ending(later, 12);
            assertThat(moved.getNow()).isEqualTo(later);
            assertThat(moved.getStart()).isEqualTo(fresh.getStart());
            assertThat(moved.getNextWeekStart()).isEqualTo(fresh.getNextWeekStart());
            assertThat(moved.getDaysSoFar()).isEqualTo(fresh.getDaysSoFar());
            assertThat(moved.weekStart(11)).isEqualTo(fresh.weekStart(11));
        }
        for (Instant outside : new Instant[] {nextMonday, window.getNow().minusMillis(1)}) {
            assertThatThrownBy(() -> window.movedTo(outside))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("later")
                    .hasMessageContaining(outside.toString());
        }
    }
}
