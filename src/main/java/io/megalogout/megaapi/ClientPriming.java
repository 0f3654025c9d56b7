package io.megalogout.megaapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.megaapi.targets.BearerToken;
import io.megalogout.megaapi.targets.Target;

import io.quarkus.runtime.StartupEvent;

/**
 * Pays at start-up what the first request would otherwise pay (class loading, the REST client's and Vert.x's first
 * request, JSON reading, the TLS engine): on Lambda that moves it into the init phase, which SnapStart snapshots. Sends
 * nothing to Mega-API: its one request is a status read ({@code GET}) to a server of its own, bound to an ephemeral
 * loopback port for the time of that read, so no configured host can be listening there. The TLS part only builds a
 * client engine and its first handshake record in memory. Any failure is only logged at DEBUG: priming must never stop
 * start-up. {@code megaapi.prime}.
 */
@ApplicationScoped
class ClientPriming {

    private static final Logger LOG = Logger.getLogger(ClientPriming.class);
    private static final String STATUS = "{\"error\":false,\"message\":\"primed\",\"instance\":{\"key\":\"priming\","
            + "\"status\":\"disconnected\"}}";
    private static final String LOGOUT = "{\"error\":false,\"message\":\"primed\"}";

    private final Exchange exchange;
    private final AnswerReader answers;
    private final boolean enabled;
    private volatile boolean primed;

    ClientPriming(Exchange exchange, AnswerReader answers, MegaApiConfig config) {
        this.exchange = exchange;
        this.answers = answers;
        this.enabled = config.prime();
    }

    void prime(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        long began = System.nanoTime();
        try {
            InstanceKey key = new InstanceKey("priming");
            Deadline deadline = Deadline.after(Duration.ofSeconds(2));
            answers.logout(key, json(LOGOUT), deadline);
            long tls = System.nanoTime();
            tlsEngine();
            LOG.debugf("priming: TLS in %d ms", Duration.ofNanos(System.nanoTime() - tls).toMillis());
            try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread.ofVirtual().name("megaapi-priming").start(() -> answerOnce(local));
                Target target = new Target("http://127.0.0.1:" + local.getLocalPort(), new BearerToken("priming"),
                        Target.Origin.DEFAULT);
                answers.status(key, exchange.send(Call.STATUS, key, deadline, target), deadline);
            }
            primed = true;
            LOG.debugf("primed the Mega-API client in %d ms (a status read to a loopback server of its own)",
                    Duration.ofNanos(System.nanoTime() - began).toMillis());
        } catch (RuntimeException | IOException e) {
            LOG.debugf("priming the Mega-API client failed (%s); the first request pays instead",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Answers one request on the loopback socket with a status answer and closes the connection. A plain socket, not a
     * Vert.x server, whose classes the function never otherwise needs.
     */
    private static void answerOnce(ServerSocket local) {
        try (Socket connection = local.accept()) {
            connection.setSoTimeout(2000);
            InputStream in = connection.getInputStream();
            for (int last = 0, c; (c = in.read()) != -1;) {
                last = (last << 8 | c) & 0xFFFFFFFF;
                if (last == 0x0D0A0D0A) {
                    break;
                }
            }
            byte[] body = STATUS.getBytes(StandardCharsets.UTF_8);
            OutputStream out = connection.getOutputStream();
            // Connection: close: the client closes its side too, so its pool keeps no connection from priming.
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            LOG.debugf("the priming server failed (%s)", e.getClass().getSimpleName());
        }
    }

    /** Whether the last start-up primed the client. */
    boolean primed() {
        return primed;
    }

    private static UpstreamAnswer json(String body) {
        return new UpstreamAnswer(200, Optional.of("application/json"), Optional.empty(),
                body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** The default TLS context (trust store read) and a client's first handshake record, in memory only. */
    private static void tlsEngine() {
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine("priming.invalid", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        } catch (Exception e) {
            LOG.debugf("priming TLS failed (%s)", e.getClass().getSimpleName());
        }
    }
}
