/** The HTTP door (Quarkus REST), for Kubernetes: API keys, the logout route, problem responses, health, metrics and traces. */
package io.megalogout.http;
