package org.kinship.workflow.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kinship's settings of the engine: its clock is the application clock, and its events keep the task inbox in
 * step. The listener reaches the rest of the application lazily, so the engine does not wait for beans that
 * themselves need the engine.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowEngineConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> kinshipEngineSettings(Clock clock,
            ObjectProvider<ProcessSync> sync) {
        return configuration -> {
            configuration.setClock(new SpringClockForFlowable(clock));
            List<FlowableEventListener> listeners = configuration.getEventListeners() == null ? new ArrayList<>()
                    : new ArrayList<>(configuration.getEventListeners());
            listeners.add(new EngineEvents(sync));
            configuration.setEventListeners(listeners);
        };
    }
}
