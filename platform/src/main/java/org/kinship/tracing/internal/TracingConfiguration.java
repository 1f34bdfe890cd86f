package org.kinship.tracing.internal;

import org.kinship.shared.internal.lucene.IndexDirectories;
import org.kinship.tracing.MatchingSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the matching index on the {@code matching} index directory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MatchingSettings.class, org.kinship.tracing.TracingSettings.class})
class TracingConfiguration {

    @Bean(destroyMethod = "close")
    MatchingIndex matchingIndex(IndexDirectories directories, MatchingSettings settings) {
        MatchScorer scorer = new MatchScorer(settings.weights(),
                new AgeComparator(settings.knownAgeTolerance(), settings.estimatedAgeTolerance()),
                PlaceAliases.defaults());
        return new MatchingIndex(directories.directory("matching"), scorer, PlaceAliases.defaults(),
                settings.candidatePool());
    }
}
