package io.megalogout.megaapi.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.ConfigurationException;

/** Which client a request gets, by the two clocks, and when a client is closed: never while a request uses it. */
class ClientGenerationsTest {

    private static final Duration WINDOW = Duration.ofMillis(2000);

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);
    private final List<FakeClient> made = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ClientGenerations clients = generations(WINDOW);

    @Test
    void requestsWithinTheWindowShareOneClient() {
        MegaApiClient first = use();
        advance(1999);
        assertThat(use()).isSameAs(first);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).closed).isFalse();
    }

    @Test
    void theWindowRunsFromTheClientsMakingNotFromItsLastUse() {
        MegaApiClient first = use();
        for (int i = 0; i < 3; i++) {
            advance(700);
            use();
        }
        assertThat(made).hasSize(2);
        assertThat(use()).isNotSameAs(first);
        assertThat(made.get(0).closed).as("the first client, once stale and unused").isTrue();
    }

    @Test
    void aFreezeThatOutlastsTheWindowOnOneClockOnlyStillGivesANewClient() {
        MegaApiClient first = use();
        millis.addAndGet(5000);
        assertThat(use()).isNotSameAs(first);

        MegaApiClient second = made.get(1).proxy;
        nanos.addAndGet(Duration.ofMillis(5000).toNanos());
        assertThat(use()).isNotSameAs(second);
    }

    @Test
    void aClockThatWentBackGivesANewClient() {
        MegaApiClient first = use();
        millis.addAndGet(-1);
        assertThat(use()).isNotSameAs(first);
    }

    @Test
    void aStaleClientIsClosedOnlyWhenItsLastRequestIsOver() {
        Lease slow = clients.lease();
        advance(2500);
        use();
        assertThat(made).hasSize(2);
        assertThat(made.get(0).closed).as("still answering the slow request").isFalse();

        slow.close();
        assertThat(made.get(0).closed).isTrue();
        assertThat(made.get(1).closed).isFalse();
    }

    @Test
    void aCheckpointOrARestoreClosesTheClientAndTheNextRequestMakesANewOne() {
        MegaApiClient first = use();
        clients.beforeCheckpoint(null);
        assertThat(made.get(0).closed).isTrue();
        assertThat(use()).isNotSameAs(first);
        clients.afterRestore(null);
        assertThat(made.get(1).closed).isTrue();
        assertThat(made).hasSize(2);
    }

    @Test
    void withoutAWindowOneClientServesEveryRequestAndAsksToCloseEachConnection() {
        ClientGenerations single = generations(Duration.ZERO);
        try (Lease one = single.lease(); Lease two = single.lease()) {
            advance(3_600_000);
            try (Lease later = single.lease()) {
                assertThat(later.client()).isSameAs(one.client()).isSameAs(two.client());
                assertThat(later.connectionHeader()).isEqualTo("close");
            }
        }
        assertThat(made).hasSize(1);
        assertThat(made.get(0).closed).isFalse();
    }

    @Test
    void withAWindowRequestsSendNoConnectionHeader() {
        try (Lease lease = clients.lease()) {
            assertThat(lease.connectionHeader()).isNull();
        }
    }

    @Test
    void closingALeaseTwiceReleasesItOnce() {
        Lease first = clients.lease();
        Lease second = clients.lease();
        first.close();
        first.close();
        clients.retireCurrent();
        assertThat(made.get(0).closed).as("the second lease still uses it").isFalse();
        second.close();
        assertThat(made.get(0).closed).isTrue();
    }

    @Test
    void aClientThatCannotBeMadeStopsStartUpNamingTheSettings() {
        ClientGenerations broken = new ClientGenerations(() -> {
            throw new IllegalStateException("trust store /missing.p12 not found");
        }, WINDOW, nanos::get, millis::get);

        assertThatThrownBy(() -> broken.onStart(null)).isInstanceOf(ConfigurationException.class)
                .hasMessage("quarkus.rest-client.megaapi.*: the Mega-API client cannot be made from these settings "
                        + "(IllegalStateException: trust store /missing.p12 not found)");
    }

    @Test
    void startUpMakesTheFirstClientWithoutAConnection() {
        clients.onStart(null);
        assertThat(made).hasSize(1);
        assertThat(use()).isSameAs(made.get(0).proxy);
    }

    /**
     * Eight threads lease and release 2,000 times each while the clocks move on past the window again and again: no
     * client is ever handed out, or still in use, once closed, and every client is closed in the end.
     */
    @Test
    void underConcurrentRequestsNoClientIsUsedAfterItWasClosed() throws Exception {
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2000; i++) {
                    try (Lease lease = clients.lease()) {
                        FakeClient client = FakeClient.of(lease.client());
                        assertThat(client.closed).as("handed out after it was closed").isFalse();
                        advance(1);
                        assertThat(client.closed).as("closed while a request used it").isFalse();
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        clients.retireCurrent();

        assertThat(failures).isEmpty();
        assertThat(made).hasSizeGreaterThan(1);
        assertThat(made).allSatisfy(client -> assertThat(client.closed).isTrue());
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, 1, 2000, 4000 })
    void acceptsAReuseWindowFromNothingToFourSeconds(long reuseMs) {
        assertThat(ClientGenerations.window(reuseMs)).isEqualTo(Duration.ofMillis(reuseMs));
    }

    @ParameterizedTest
    @ValueSource(longs = { -1, 4001, 60000 })
    void refusesAReuseWindowThatAServerMayOutlast(long reuseMs) {
        assertThatThrownBy(() -> ClientGenerations.window(reuseMs))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("megaapi.connection-reuse-ms must be from 0 (a new connection for every request) to 4000: "
                        + "a connection kept longer may meet a server that closed it");
    }

    private ClientGenerations generations(Duration window) {
        return new ClientGenerations(() -> {
            FakeClient client = new FakeClient();
            made.add(client);
            return client.proxy;
        }, window, nanos::get, millis::get);
    }

    private MegaApiClient use() {
        try (Lease lease = clients.lease()) {
            return lease.client();
        }
    }

    private void advance(long ms) {
        nanos.addAndGet(Duration.ofMillis(ms).toNanos());
        millis.addAndGet(ms);
    }

    /**
     * A client that only knows whether it was closed. A proxy, not a class implementing {@link MegaApiClient}: Quarkus
     * indexes test classes too and would serve such a class as a REST resource at the interface's paths.
     */
    private static final class FakeClient implements InvocationHandler {

        final MegaApiClient proxy = (MegaApiClient) Proxy.newProxyInstance(MegaApiClient.class.getClassLoader(),
                new Class<?>[] { MegaApiClient.class }, this);
        volatile boolean closed;

        static FakeClient of(MegaApiClient proxy) {
            return (FakeClient) Proxy.getInvocationHandler(proxy);
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) {
            if (!method.getName().equals("close")) {
                throw new UnsupportedOperationException(method.getName());
            }
            closed = true;
            return null;
        }
    }
}
