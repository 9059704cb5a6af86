package io.bioalert.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP server on loopback that writes raw bytes, for the answers {@link HttpSink} cannot give: a body
 * without end, one that trickles a byte at a time. It notes when the client hangs up mid-answer.
 */
public final class RawHttpServer implements AutoCloseable {

    /** Writes the answer to one request, status line included, for as long as it likes. */
    @FunctionalInterface
    public interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final CountDownLatch hungUp = new CountDownLatch(1);
    private final ServerSocket socket;

    private RawHttpServer(Answer answer) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[16 * 1024]);
                    try {
                        answer.write(client.getOutputStream());
                    } catch (IOException e) {
                        hungUp.countDown();
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "raw-http-server");
        accept.setDaemon(true);
        accept.start();
    }

    public static RawHttpServer start(Answer answer) {
        try {
            return new RawHttpServer(answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer's head: status 200, the given headers, then the body follows. */
    public static byte[] head(String... headers) {
        return ("HTTP/1.1 200 OK\r\n" + String.join("\r\n", headers) + (headers.length == 0 ? "" : "\r\n") + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Whether the client closed the connection before the answer was over, within the time given. */
    public boolean clientHungUp(java.time.Duration within) throws InterruptedException {
        return hungUp.await(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
