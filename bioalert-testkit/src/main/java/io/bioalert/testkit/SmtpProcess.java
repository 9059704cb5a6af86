package io.bioalert.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An {@link SmtpSink} in a JVM of its own, for benchmarks: a mail relay is another process in any real
 * deployment, and keeping the receiver's work out of the measured JVM makes its figures the sender's.
 */
public final class SmtpProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final int port;

    private SmtpProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        this.in = new PrintWriter(process.getOutputStream(), true);
        String first = out.readLine();
        if (first == null || !first.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("SMTP sink process did not start: " + first);
        }
        this.port = Integer.parseInt(first.substring("port ".length()).trim());
    }

    /** Starts it with this JVM's class path, which holds the test kit. */
    public static SmtpProcess start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SmtpSink.class.getName(), "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new SmtpProcess(p);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Messages received so far, and how many of them repeated an earlier Message-ID. */
    public record Counts(int received, int repeated) {
    }

    public synchronized Counts counts() throws IOException {
        in.println("count");
        String line = out.readLine();
        if (line == null) {
            throw new IOException("SMTP sink process has gone");
        }
        String[] parts = line.trim().split(" ");
        return new Counts(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
