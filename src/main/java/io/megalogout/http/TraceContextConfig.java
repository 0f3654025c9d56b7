package io.megalogout.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What this door tells Mega-API of its traces (the HTTP door only: the Lambda build has no traces). */
@ConfigMapping(prefix = "megaapi")
interface TraceContextConfig {

    /**
     * Whether each request to Mega-API carries the trace's {@code traceparent} (and {@code tracestate}, {@code baggage}):
     * off, since Mega-API is a third party, which would learn our trace ids and whatever baggage a caller sent.
     */
    @WithDefault("false")
    boolean propagateTraceContext();
}
