/** The HTTP door (Quarkus REST), for Kubernetes: API keys, the logout route, problem responses, health and metrics. */
package io.megalogout.http;
