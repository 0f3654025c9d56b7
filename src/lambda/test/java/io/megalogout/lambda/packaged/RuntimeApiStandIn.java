package io.megalogout.lambda.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The part of the AWS Lambda Runtime API that a runtime client uses: {@code invocation/next}, {@code /response},
 * {@code /error} and {@code init/error}, and SnapStart's {@code restore/next} and {@code restore/error}: with
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} the runtime client runs the CRaC checkpoint hooks after init, asks
 * {@code restore/next} (answered at once, as after a restore) and runs the restore hooks. Invocations are queued by the
 * test and taken by the runtime client's polls. Each invocation gets an X-Ray trace header of its own, as on Lambda.
 */
final class RuntimeApiStandIn implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";

    /**
     * What the function answered for one invocation: its payload, or the error document and errorType header. A failed
     * init answers every invocation, with {@link #INIT} as request id.
     *
     * @param traceId the {@code Root} of the trace header this invocation was handed ({@code Lambda-Runtime-Trace-Id})
     */
    record Outcome(String requestId, boolean failed, String body, String errorTypeHeader, long deadlineMs,
            long answeredAtMs, String traceId) {

        static final String INIT = "init";

        boolean initFailed() {
            return INIT.equals(requestId);
        }
    }

    private record Invocation(String requestId, byte[] event, Duration timeout, String traceId) {

        /** As Lambda writes it: {@code Root=1-<epoch seconds, hex>-<96 random bits, hex>;Parent=...;Sampled=1}. */
        String traceHeader() {
            return "Root=" + traceId + ";Parent=" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                    + ";Sampled=1";
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Long> deadlines = new ConcurrentHashMap<>();
    private final Map<String, String> traceIds = new ConcurrentHashMap<>();
    private volatile Outcome initError;
    private final AtomicInteger restores = new AtomicInteger();

    RuntimeApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(BASE + "/invocation/next", this::next);
        server.createContext(BASE + "/invocation/", this::result);
        server.createContext(BASE + "/init/error", this::initError);
        server.createContext(BASE + "/restore/error", this::initError);
        server.createContext(BASE + "/restore/next", exchange -> {
            restores.incrementAndGet();
            reply(exchange, 200);
        });
        server.setExecutor(threads);
        server.start();
    }

    /** How many times the runtime client asked {@code restore/next} (SnapStart's restore). */
    int restores() {
        return restores.get();
    }

    /** host:port, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one event, as Lambda's Invoke API would, and waits for the function's outcome. */
    Outcome invoke(byte[] event, Duration lambdaTimeout, Duration wait)
            throws InterruptedException, ExecutionException, TimeoutException {
        String requestId = UUID.randomUUID().toString();
        if (initError != null) {
            return initError;
        }
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        outcomes.put(requestId, outcome);
        HexFormat hex = HexFormat.of();
        String traceId = "1-" + hex.toHexDigits((int) (System.currentTimeMillis() / 1000)) + "-"
                + hex.toHexDigits(ThreadLocalRandom.current().nextInt())
                + hex.toHexDigits(ThreadLocalRandom.current().nextLong());
        traceIds.put(requestId, traceId);
        queue.put(new Invocation(requestId, event, lambdaTimeout, traceId));
        return outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 500);
            return;
        }
        // As on Lambda, the invocation's time runs from when the runtime receives it, not from when it was queued.
        long deadline = System.currentTimeMillis() + invocation.timeout().toMillis();
        deadlines.put(invocation.requestId(), deadline);
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", String.valueOf(deadline));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:sa-east-1:000000000000:function:megaapi-logout");
        headers.add("Lambda-Runtime-Trace-Id", invocation.traceHeader());
        // Lambda always sends it, and the runtime client's native part crashes (SIGSEGV) without it.
        headers.add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, invocation.event().length == 0 ? -1 : invocation.event().length);
        try (var body = exchange.getResponseBody()) {
            body.write(invocation.event());
        }
    }

    /** {@code /invocation/{requestId}/response} and {@code /invocation/{requestId}/error}. */
    private void result(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().substring((BASE + "/invocation/").length()).split("/");
        CompletableFuture<Outcome> outcome = path.length == 2 ? outcomes.remove(path[0]) : null;
        if (outcome == null) {
            reply(exchange, 404);
            return;
        }
        boolean failed = path[1].equals("error");
        long answeredAt = System.currentTimeMillis();
        outcome.complete(new Outcome(path[0], failed, read(exchange.getRequestBody()),
                exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), deadlines.remove(path[0]),
                answeredAt, traceIds.remove(path[0])));
        reply(exchange, 202);
    }

    /**
     * The runtime client reports a failed init, then exits. Lambda answers the waiting invocation, and every later one,
     * with that error.
     */
    private void initError(HttpExchange exchange) throws IOException {
        initError = new Outcome(Outcome.INIT, true, read(exchange.getRequestBody()),
                exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), 0, System.currentTimeMillis(),
                null);
        outcomes.values().forEach(pending -> pending.complete(initError));
        outcomes.clear();
        reply(exchange, 202);
    }

    private static String read(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
