package org.kinship.workflows;

import java.time.Instant;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every engine test of the case process shares: the engine, and its clock frozen at the registration
 * time before each test and given back to real time after it.
 */
abstract class CaseProcessTestSupport {

    static final Instant REGISTERED_AT = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    ProcessEngine engine;

    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    EngineClock clock;

    @BeforeEach
    void freezeEngineClock() {
        clock = new EngineClock(engineConfiguration);
        clock.setTo(REGISTERED_AT);
    }

    @AfterEach
    void resetEngineClock() {
        clock.reset();
    }
}
