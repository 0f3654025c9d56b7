import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A network's round trip in front of the stub, for the Lambda rows (bench/run --latency-ms N): a TCP relay on loopback
 * that delivers every chunk N ms after it arrived, each way, in order; TLS passes through it untouched. So a request on
 * a kept connection costs one round trip (2N), a new connection's TCP and TLS 1.3 handshakes about two more: what
 * keeping connections saves on the way to Mega-API's hosts. Nothing else (bandwidth, loss) is modelled.
 */
final class LatencyRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final long delayNanos;

    LatencyRelay(int targetPort, long delayMillis) throws IOException {
        this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delayNanos = delayMillis * 1_000_000;
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                target.setTcpNoDelay(true);
                relay(client, target);
                relay(target, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Chunk (bytes, when due) or the end of the stream (null bytes). */
    private record Chunk(byte[] bytes, long dueNanos) {
    }

    private void relay(Socket from, Socket to) {
        BlockingQueue<Chunk> inFlight = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    inFlight.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos));
                }
            } catch (IOException ignored) {
                // the other side closed; the end follows below
            }
            inFlight.add(new Chunk(null, System.nanoTime() + delayNanos));
        });
        Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = inFlight.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (chunk.bytes() == null) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                close(from);
                close(to);
            }
        });
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
