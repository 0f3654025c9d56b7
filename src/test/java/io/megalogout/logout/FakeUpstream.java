package io.megalogout.logout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Mega-API as the use case sees it, answering as each test scripts it, and recording every call with its key and the
 * fake ticker's time when it began.
 */
final class FakeUpstream implements Upstream {

    static final LogoutAnswer LOGGED_OUT = new LogoutAnswer(200, false, "logged out",
            "{\"error\":false,\"message\":\"logged out\"}");
    static final InstanceStatus CONNECTED = status("connected");
    static final InstanceStatus DISCONNECTED = status("disconnected");

    private final FakeTicker ticker;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile Function<InstanceKey, LogoutAnswer> logouts = key -> LOGGED_OUT;
    private volatile Supplier<InstanceStatus> statusReads = () -> CONNECTED;

    FakeUpstream(FakeTicker ticker) {
        this.ticker = ticker;
    }

    static InstanceStatus status(String status) {
        return new InstanceStatus(200, status, "{\"status\":\"" + status + "\"}");
    }

    /** Answers each logout with {@code answer}, which may throw, or move the ticker as if the call took time. */
    void answerLogouts(Function<InstanceKey, LogoutAnswer> answer) {
        logouts = answer;
    }

    /** Answers the status reads with these, in turn, the last one again and again; each may throw or move the ticker. */
    @SafeVarargs
    final void answerStatusReads(Supplier<InstanceStatus>... inTurn) {
        AtomicInteger next = new AtomicInteger();
        statusReads = () -> inTurn[Math.min(next.getAndIncrement(), inTurn.length - 1)].get();
    }

    /** Every call so far, in the order they began: the request, the key, and when it began ({@code "status demo@250"}). */
    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public LogoutAnswer logout(InstanceKey key, Deadline deadline) {
        calls.add("logout " + key.value() + "@" + ticker.millis());
        return logouts.apply(key);
    }

    @Override
    public InstanceStatus status(InstanceKey key, Deadline deadline) {
        calls.add("status " + key.value() + "@" + ticker.millis());
        return statusReads.get();
    }

    @Override
    public String logoutRequest(InstanceKey key, Deadline deadline) {
        return "DELETE https://megaapi.invalid/rest/instance/" + key.value() + "/logout";
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(1);
    }

    @Override
    public boolean paused() {
        return false;
    }

    @Override
    public boolean statusReadsPaused() {
        return false;
    }

    @Override
    public List<String> pausedHosts() {
        return List.of();
    }
}
