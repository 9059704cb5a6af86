package io.bioalert.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One BioAlert service as its own JVM, started from the jar the build packaged, configured only by
 * environment variables (as in docker-compose). Its output goes to a log file under target/.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * The services' JVM options (-Dbioalert.e2e.jvm-options). The tests use C1 only: it starts faster
     * and a few announcements never reach C2 anyway. The benchmark runs them as deployed, with the full
     * JIT, which on a 2-core machine shared by four JVMs needs minutes to settle: after a 90 s warm-up its
     * compiler threads still took a third of each service's CPU (p99 216 ms at 50/s), after 300 s the p99
     * was 44 ms, against 105-136 ms with C1 only.
     */
    private static final String JVM_OPTIONS =
            System.getProperty("bioalert.e2e.jvm-options", "-Xmx384m -XX:TieredStopAtLevel=1");

    private final String module;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private final Path jar;
    private Process process;

    ServiceProcess(String module, Map<String, String> env) {
        this(module, env, module);
    }

    /** With a log of its own, {@code target/<logName>.log}, apart from the stack's process of the same module. */
    ServiceProcess(String module, Map<String, String> env, String logName) {
        this(module, env, logName, projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar"));
    }

    /** From another build's jar (a benchmark comparing two versions). */
    ServiceProcess(String module, Map<String, String> env, String logName, Path jar) {
        this.module = module;
        this.port = freePort();
        this.env = env;
        this.log = projectRoot().resolve("bioalert-e2e/target").resolve(logName + ".log");
        this.jar = jar;
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("bioalert.root", "..")).toAbsolutePath().normalize();
    }

    ServiceProcess start() {
        launch();
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    /** Starts the service expecting it to refuse: its exit code, or an exception if it is still running. */
    int exitCode(Duration timeout) throws InterruptedException, IOException {
        Files.deleteIfExists(log);
        launch();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(module + " still running after " + timeout + ", see " + log);
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void launch() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(List.of(JVM_OPTIONS.trim().split("\\s+")));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            pb.environment().put(portVariable(), String.valueOf(port));
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module, e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String module() {
        return module;
    }

    /** CPU time the JVM has used so far (user and system, all threads). */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the JVM without letting it shut down: what a crash or an OOM kill does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + ", see its log");
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(module + " was not ready within " + timeout);
    }

    private String portVariable() {
        return switch (module) {
            case "ingest-service" -> "INGEST_PORT";
            case "classifier-service" -> "CLASSIFIER_PORT";
            case "notify-service" -> "NOTIFY_PORT";
            default -> throw new IllegalArgumentException(module);
        };
    }

    /** The services' JDK: the tests' own, or -Dbioalert.e2e.java-home (e.g. a JDK 25 for its AOT cache). */
    private static String javaBinary() {
        String home = System.getProperty("bioalert.e2e.java-home", System.getProperty("java.home"));
        return Path.of(home, "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
