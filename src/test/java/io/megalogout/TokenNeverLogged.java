package io.megalogout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import io.megalogout.megaapi.MegaApiHosts;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.secrets.SecretsExtensionStandIn;

/**
 * Fails any test during which a test token (Mega-API's default or an instance's own, a rotated one, AWS's session
 * token) or a test API key appears in a
 * log record: message, parameters, MDC or stack trace.
 * Registered for every unit test through JUnit's extension auto-detection (a surefire system property, see pom.xml).
 * It listens on the root logger, which Quarkus shares with the tests (JBoss LogManager), and attaches itself right
 * before each test method runs: Quarkus replaces the root handlers whenever it starts an application, which happens in
 * its own before-each callbacks.
 */
public class TokenNeverLogged implements InvocationInterceptor, AfterEachCallback {

    /** Every API key the HTTP door's tests configure starts with this: none of them may be logged either. */
    public static final String API_KEY_PREFIX = "test-api-key-";

    private static final Capture CAPTURE = new Capture();

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        attach();
        invocation.proceed();
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
            ExtensionContext context) throws Throwable {
        attach();
        invocation.proceed();
    }

    private static void attach() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler == CAPTURE) {
                return;
            }
        }
        root.addHandler(CAPTURE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String logged = CAPTURE.toString();
        CAPTURE.clear();
        List<String> tokens = new ArrayList<>(List.of(MegaApiStub.TOKEN, MegaApiStub.ROTATED_TOKEN,
                SecretsExtensionStandIn.SESSION_TOKEN));
        // Each instance's own token too, and the default one of the many-hosts tests.
        tokens.addAll(MegaApiHosts.TOKENS);
        for (String token : tokens) {
            if (logged.contains(token)) {
                throw new AssertionError("a token was logged during " + context.getDisplayName() + ":\n" + logged);
            }
        }
        if (logged.contains(API_KEY_PREFIX)) {
            throw new AssertionError("an API key was logged during " + context.getDisplayName() + ":\n" + logged);
        }
    }

    /**
     * Everything logged since the current test began. Found through the root logger, not a static field: a
     * {@code @QuarkusTest} runs in Quarkus' class loader, where this class and its statics exist a second time.
     */
    public static String captured() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getClass().getName().equals(Capture.class.getName())) {
                return handler.toString();
            }
        }
        throw new IllegalStateException("the log capture is not attached to the root logger");
    }

    private static final class Capture extends Handler {

        private final Formatter formatter = new SimpleFormatter();
        private final StringBuffer text = new StringBuffer();

        @Override
        public void publish(LogRecord record) {
            text.append(formatter.format(record));
            if (record instanceof org.jboss.logmanager.ExtLogRecord ext) {
                text.append(ext.getMdcCopy()).append('\n');
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace);
            }
        }

        void clear() {
            text.setLength(0);
        }

        @Override
        public String toString() {
            return text.toString();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
