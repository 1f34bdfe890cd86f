package org.kinship.workflow.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;

import org.flowable.common.engine.impl.runtime.Clock;

/**
 * Flowable's clock reads the application's {@link java.time.Clock}, so due dates, timers and the platform agree
 * on the time, and a test moves one clock (the {@code MutableClock}) for both. Setting Flowable's time directly
 * (engine-level tests) shifts it by an offset from the application clock until {@link #reset()}.
 */
final class SpringClockForFlowable implements Clock {

    private final java.time.Clock clock;
    private volatile Duration offset = Duration.ZERO;

    SpringClockForFlowable(java.time.Clock clock) {
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().plus(offset);
    }

    @Override
    public Date getCurrentTime() {
        return Date.from(now());
    }

    @Override
    public Calendar getCurrentCalendar() {
        return getCurrentCalendar(getCurrentTimeZone());
    }

    @Override
    public Calendar getCurrentCalendar(TimeZone timeZone) {
        Calendar calendar = Calendar.getInstance(timeZone);
        calendar.setTime(getCurrentTime());
        return calendar;
    }

    @Override
    public TimeZone getCurrentTimeZone() {
        return TimeZone.getDefault();
    }

    @Override
    public void setCurrentTime(Date currentTime) {
        offset = currentTime == null ? Duration.ZERO : Duration.between(clock.instant(), currentTime.toInstant());
    }

    @Override
    public void setCurrentCalendar(Calendar currentTime) {
        setCurrentTime(currentTime == null ? null : currentTime.getTime());
    }

    @Override
    public void reset() {
        offset = Duration.ZERO;
    }
}
