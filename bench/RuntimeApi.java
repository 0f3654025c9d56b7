import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API as far as a runtime client uses it, timed: when the first /next arrived (the end of init, as
 * Lambda's Init Duration counts it) and, per invocation, from handing the event out to receiving the answer (what Lambda
 * bills as Duration). A trimmed copy of the packaged tests' RuntimeApiStandIn, which lives in the test sources.
 */
final class RuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";

    /** One invocation's answer and how long the function took from receiving the event to answering it. */
    record Outcome(boolean failed, String body, long functionNanos) {
    }

    private record Pending(String requestId, byte[] event, CompletableFuture<Outcome> outcome, AtomicLong deliveredAt) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<String, Pending> delivered = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();

    RuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(BASE + "/invocation/next", this::next);
        server.createContext(BASE + "/invocation/", this::result);
        server.createContext(BASE + "/init/error", this::initError);
        server.setExecutor(threads);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** System.nanoTime() of the runtime client's first /next, waiting for it at most the given seconds. */
    long firstNextNanos(int seconds) throws Exception {
        return firstNext.get(seconds, TimeUnit.SECONDS);
    }

    Outcome invoke(String event, int seconds) throws Exception {
        Pending pending = new Pending(UUID.randomUUID().toString(), event.getBytes(StandardCharsets.UTF_8),
                new CompletableFuture<>(), new AtomicLong());
        queue.put(pending);
        return pending.outcome().get(seconds, TimeUnit.SECONDS);
    }

    private void next(HttpExchange exchange) throws IOException {
        firstNext.complete(System.nanoTime());
        Pending pending;
        try {
            pending = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        delivered.put(pending.requestId(), pending);
        byte[] event = pending.event();
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 30_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:sa-east-1:000000000000:function:bench");
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        // The runtime client's native part crashes without it (see the packaged tests' stand-in).
        headers.add("Content-Type", "application/json");
        pending.deliveredAt().set(System.nanoTime());
        exchange.sendResponseHeaders(200, event.length);
        try (var body = exchange.getResponseBody()) {
            body.write(event);
        }
    }

    private void result(HttpExchange exchange) throws IOException {
        long answeredAt = System.nanoTime();
        String[] path = exchange.getRequestURI().getPath().substring((BASE + "/invocation/").length()).split("/");
        Pending pending = path.length == 2 ? delivered.remove(path[0]) : null;
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(pending == null ? 404 : 202, -1);
        exchange.close();
        if (pending != null) {
            pending.outcome().complete(
                    new Outcome(path[1].equals("error"), body, answeredAt - pending.deliveredAt().get()));
        }
    }

    private void initError(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
        Outcome failed = new Outcome(true, "init failed: " + body, 0);
        queue.forEach(pending -> pending.outcome().complete(failed));
        delivered.values().forEach(pending -> pending.outcome().complete(failed));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
