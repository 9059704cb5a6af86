package io.bioalert.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that accepts every message and keeps only its Message-ID: the mail counterpart of a
 * webhook sink, in the spirit of Postfix's {@code smtp-sink}, for measuring a sender rather than a mail
 * store (GreenMail parses and stores every message, which costs more than sending it). It speaks the
 * commands a client needs (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) with a thread per connection.
 */
public final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger repeated = new AtomicInteger();
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();

    private SmtpSink(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SmtpSink start(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        return new SmtpSink(s);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages accepted so far, counting a repeated Message-ID again. */
    public int received() {
        return messages.get();
    }

    /** Messages whose Message-ID had been seen before. */
    public int repeated() {
        return repeated.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(socket), "smtp-sink-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            reply(out, "220 bioalert-smtp-sink ready");
            String line;
            while ((line = readLine(in)) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-bioalert-smtp-sink\r\n250-PIPELINING\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        readMessage(in);
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to keep.
        }
    }

    private void readMessage(InputStream in) throws IOException {
        String messageId = null;
        boolean headers = true;
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            if (headers && line.isEmpty()) {
                headers = false;
            } else if (headers && messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).trim();
            }
        }
        messages.incrementAndGet();
        if (messageId != null && !messageIds.add(messageId)) {
            repeated.incrementAndGet();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int n = line.size();
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, n > 0 && bytes[n - 1] == '\r' ? n - 1 : n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * Runs in a process of its own: prints {@code port N}, then {@code received repeated} for each line
     * read on stdin, and stops at the end of stdin.
     */
    public static void main(String[] args) throws Exception {
        try (SmtpSink sink = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
                BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in))) {
            System.out.println("port " + sink.port());
            System.out.flush();
            while (stdin.readLine() != null) {
                System.out.println(sink.received() + " " + sink.repeated());
                System.out.flush();
            }
        }
    }
}
