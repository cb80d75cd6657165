package io.kervan.leads;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadResponseTimesTests {

    @Test
    void underAMinuteIsSaidSo() {
        assertThat(LeadResponseTimes.span(Duration.ofSeconds(59)).unit()).isEqualTo(LeadResponseTimes.Unit.UNDER_A_MINUTE);
        assertThat(LeadResponseTimes.span(Duration.ofSeconds(-5)).unit()).isEqualTo(LeadResponseTimes.Unit.UNDER_A_MINUTE);
    }

    @Test
    void minutesBelowAnHourHoursBelowTwoDaysThenDays() {
        assertThat(LeadResponseTimes.span(Duration.ofSeconds(4 * 60 + 59)))
                .isEqualTo(new LeadResponseTimes.Span(LeadResponseTimes.Unit.MINUTES, 4));
        assertThat(LeadResponseTimes.span(Duration.ofMinutes(59)))
                .isEqualTo(new LeadResponseTimes.Span(LeadResponseTimes.Unit.MINUTES, 59));
        assertThat(LeadResponseTimes.span(Duration.ofMinutes(60)))
                .isEqualTo(new LeadResponseTimes.Span(LeadResponseTimes.Unit.HOURS, 1));
        assertThat(LeadResponseTimes.span(Duration.ofHours(47).plusMinutes(59)))
                .isEqualTo(new LeadResponseTimes.Span(LeadResponseTimes.Unit.HOURS, 47));
        assertThat(LeadResponseTimes.span(Duration.ofHours(48)))
                .isEqualTo(new LeadResponseTimes.Span(LeadResponseTimes.Unit.DAYS, 2));
    }
}
