package io.megalogout.http;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * Whether Mega-API, a third party, is told our trace ids: {@code megaapi.propagate-trace-context}
 * ({@link TraceContextConfig}), off by default. Off,
 * the propagator still reads a caller's {@code traceparent} (the door's span continues the caller's trace) but writes
 * none: the Vert.x HTTP client, which makes the Mega-API client spans, writes {@code traceparent}, {@code tracestate}
 * and {@code baggage} through the propagator as it sends each request, after every REST client filter has run, so a
 * filter could not take them out again. Mega-API is the only host this door calls with a traced client.
 */
@Singleton
class TraceContextToMegaApi implements TextMapPropagatorCustomizer {

    private final boolean propagate;

    TraceContextToMegaApi(TraceContextConfig config) {
        this.propagate = config.propagateTraceContext();
    }

    @Override
    public TextMapPropagator customize(TextMapPropagatorCustomizer.Context context) {
        TextMapPropagator propagator = context.propagator();
        return propagate ? propagator : new ReadOnly(propagator);
    }

    /**
     * Extracts as the given propagator does; injects nothing. ({@code Context} is the customizer's: OpenTelemetry's is
     * written out.)
     */
    private record ReadOnly(TextMapPropagator propagator) implements TextMapPropagator {

        @Override
        public Collection<String> fields() {
            return propagator.fields();
        }

        @Override
        public <C> void inject(io.opentelemetry.context.Context context, C carrier, TextMapSetter<C> setter) {
        }

        @Override
        public <C> io.opentelemetry.context.Context extract(io.opentelemetry.context.Context context, C carrier,
                TextMapGetter<C> getter) {
            return propagator.extract(context, carrier, getter);
        }
    }
}
