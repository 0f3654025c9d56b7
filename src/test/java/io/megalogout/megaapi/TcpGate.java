package io.megalogout.megaapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP gate in front of the Mega-API stub, for the faults HTTP stubs cannot make: it forwards connections, or refuses
 * them (nothing listens on its port), or swallows them (accepts and reads, never answers), or resets them right after
 * the answer's headers, and it can strand the connections already open, as a Lambda freeze does: the peer goes silent
 * without a FIN or RST reaching the client. Counts the connections it accepted.
 */
public final class TcpGate implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong intoStranded = new AtomicLong();
    private volatile boolean swallow;
    private volatile boolean cutAfterHeaders;
    private volatile ServerSocket listener;
    private volatile Thread acceptor;

    public TcpGate(int targetPort) {
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        this.acceptor = acceptInBackground(listener);
    }

    public int port() {
        return port;
    }

    /** Back to normal: listening and forwarding. */
    public synchronized void forward() {
        swallow = false;
        cutAfterHeaders = false;
        if (listener.isClosed()) {
            listener = listen(port);
            acceptor = acceptInBackground(listener);
        }
    }

    /**
     * Stops listening: new connections are refused. Returns once the port is really closed: a socket closed while a
     * (virtual) thread waits in accept() keeps listening until that thread has left accept(), and a connection made in
     * between would be accepted.
     */
    public synchronized void refuse() {
        close(listener);
        try {
            if (!acceptor.join(Duration.ofSeconds(5))) {
                throw new IllegalStateException("the gate's listener did not close within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the gate's listener", e);
        }
    }

    /** Accepts new connections and reads them, but never forwards or answers. */
    public void swallow() {
        swallow = true;
    }

    /** New connections get the answer's status line and headers, then a TCP reset. */
    public void cutAfterHeaders() {
        cutAfterHeaders = true;
    }

    /** The connections open now go silent both ways, without closing: what a frozen Lambda meets after a thaw. */
    public void strandOpenConnections() {
        links.forEach(link -> link.stranded.set(true));
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Bytes the client wrote into connections after they were stranded: a request sent into a dead connection. */
    public long bytesWrittenIntoStrandedConnections() {
        return intoStranded.get();
    }

    @Override
    public synchronized void close() {
        close(listener);
        links.forEach(Link::close);
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Thread acceptInBackground(ServerSocket socket) {
        return Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    accepted.incrementAndGet();
                    links.add(swallow ? Link.swallowing(client)
                            : Link.forwarding(client, targetPort, cutAfterHeaders, intoStranded));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    /** One client connection and, when forwarding, its connection to the stub. */
    private static final class Link {

        private final Socket client;
        private final Socket target;
        private final AtomicBoolean stranded = new AtomicBoolean();
        private final AtomicLong intoStranded;

        private Link(Socket client, Socket target, AtomicLong intoStranded) {
            this.client = client;
            this.target = target;
            this.intoStranded = intoStranded;
        }

        static Link forwarding(Socket client, int targetPort, boolean cutAfterHeaders,
                AtomicLong intoStranded) throws IOException {
            Link link = new Link(client, new Socket(InetAddress.getLoopbackAddress(), targetPort), intoStranded);
            link.pump(client, link.target);
            if (cutAfterHeaders) {
                link.headersThenReset();
            } else {
                link.pump(link.target, client);
            }
            return link;
        }

        /** Forwards the answer up to the blank line after its headers, then resets the client's connection. */
        private void headersThenReset() {
            Thread.ofVirtual().start(() -> {
                try {
                    InputStream in = target.getInputStream();
                    OutputStream out = client.getOutputStream();
                    int matched = 0;
                    byte[] endOfHeaders = "\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    for (int b; matched < endOfHeaders.length && (b = in.read()) >= 0;) {
                        out.write(b);
                        matched = b == endOfHeaders[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                    }
                    out.flush();
                    client.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // the reset below is the point
                }
                close();
            });
        }

        /** Never forwards, so what arrives is no request into a dead connection: it is not counted as one. */
        static Link swallowing(Socket client) {
            Link link = new Link(client, null, new AtomicLong());
            link.stranded.set(true);
            link.pump(client, null);
            return link;
        }

        /** Copies bytes from one side to the other; once stranded, reads and drops them, and never closes. */
        private void pump(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream()) {
                    OutputStream out = to == null ? null : to.getOutputStream();
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        if (!stranded.get()) {
                            out.write(buffer, 0, n);
                            out.flush();
                        } else if (from == client) {
                            intoStranded.addAndGet(n);
                        }
                    }
                    if (!stranded.get() && to != null) {
                        to.shutdownOutput();
                    }
                } catch (IOException ignored) {
                    // one side went away; the other follows
                    if (!stranded.get()) {
                        close();
                    }
                }
            });
        }

        void close() {
            TcpGate.close(client);
            if (target != null) {
                TcpGate.close(target);
            }
        }
    }
}
