package io.megalogout.http;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the REST client's timer of calls to Mega-API ({@code http_client_requests_seconds}, tag
 * {@code clientName=megaapi}), so that Prometheus can give latency percentiles per call across pods
 * ({@code histogram_quantile} over {@code _bucket}; the monitoring component's dashboard). Quarkus serves the timer with
 * {@code _count}, {@code _sum} and {@code _max} only; a {@link MeterFilter} bean is Micrometer's way to ask for more, and
 * no Quarkus setting does. Bounded from 5 ms to 30 s, past {@code megaapi.logout-timeout-ms}'s 20 s: Micrometer's
 * default buckets inside those bounds, about 30 per series. Other timers are left as they are.
 */
@Singleton
class MegaApiLatencyBuckets {

    static final String TIMER = "http.client.requests";

    @Produces
    @Singleton
    MeterFilter megaApiLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMER.equals(id.getName()) || !"megaapi".equals(id.getTag("clientName"))) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos()).build().merge(config);
            }
        };
    }
}
