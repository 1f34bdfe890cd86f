package org.kinship.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ProcessEngineConfiguration;

/** Flowable's own clock, moved by tests instead of sleeping; {@link #reset()} after every test. */
final class EngineClock {

    private final Clock clock;

    EngineClock(ProcessEngineConfiguration configuration) {
        this.clock = configuration.getClock();
    }

    void setTo(Instant instant) {
        clock.setCurrentTime(Date.from(instant));
    }

    void advance(Duration duration) {
        setTo(now().plus(duration));
    }

    Instant now() {
        return clock.getCurrentTime().toInstant();
    }

    void reset() {
        clock.reset();
    }
}
