package io.megalogout.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same bulks against the packaged application, {@code target/quarkus-app/quarkus-run.jar}, in its own process. */
@QuarkusIntegrationTest
class LogoutResourceBulkIT extends LogoutResourceBulkTest {
}
