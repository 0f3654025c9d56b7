/**
 * Mega-API behind the use case's {@code Upstream} port: one logout or status read per call, its retries and circuit
 * breakers, the exchange on the wire, and the one mapping of Mega-API's answers and failures to our errors. Which host
 * and token a key's call uses is {@code targets}; the REST client and how long its connections live, {@code connection}.
 */
package io.megalogout.megaapi;
