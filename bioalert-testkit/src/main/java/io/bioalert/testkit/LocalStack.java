package io.bioalert.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The servers of a local run, in one JVM: Kafka broker, PostgreSQL with a database per service, an SMTP
 * server, and a small page listing the mail and webhooks it captured. Used by {@code bin/bioalert-local}.
 *
 * <p>Arguments: {@code envFile pgPort smtpPort captureUiPort}. Writes the addresses the services need to
 * {@code envFile} once everything is up, then runs until the JVM is told to stop.
 */
public final class LocalStack {

    public static void main(String[] args) throws Exception {
        Path envFile = Path.of(args[0]);
        int pgPort = Integer.parseInt(args[1]);
        int smtpPort = Integer.parseInt(args[2]);
        int mailUiPort = Integer.parseInt(args[3]);

        EmbeddedKafka kafka = EmbeddedKafka.start();
        kafka.createTopics(3, Infrastructure.TOPICS);
        PostgresServer postgres = PostgresServer.startEmbedded(pgPort);
        SmtpServer smtp = SmtpServer.start(smtpPort);
        HttpServer mailUi = startCaptureUi(smtp, mailUiPort);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mailUi.stop(0);
            Infrastructure.closeQuietly(smtp, postgres, kafka);
            stopped.countDown();
        }));

        String env = String.join("\n",
                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                "INGEST_DB_URL=" + postgres.jdbcUrl("ingest"),
                "NOTIFY_DB_URL=" + postgres.jdbcUrl("notify"),
                "DB_USER=" + postgres.user(),
                "DB_PASSWORD=" + postgres.password(),
                "SMTP_HOST=" + smtp.host(),
                "SMTP_PORT=" + smtp.port(),
                "MAIL_UI=http://localhost:" + mailUi.getAddress().getPort() + "/",
                "WEBHOOK_CAPTURE_URL=http://127.0.0.1:" + mailUi.getAddress().getPort() + "/webhooks",
                "");
        Path tmp = envFile.resolveSibling(envFile.getFileName() + ".tmp");
        Files.writeString(tmp, env);
        Files.move(tmp, envFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("local stack ready: " + env.replace('\n', ' '));
        stopped.await();
    }

    private static final int MAX_WEBHOOKS_KEPT = 1000;
    private static final java.util.Deque<String> WEBHOOKS = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private static HttpServer startCaptureUi(SmtpServer smtp, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/webhooks", exchange -> {
            try (exchange) {
                if ("POST".equals(exchange.getRequestMethod())) {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    WEBHOOKS.addFirst(exchange.getRequestURI() + "\n" + exchange.getRequestHeaders().entrySet()
                            + "\n\n" + body);
                    while (WEBHOOKS.size() > MAX_WEBHOOKS_KEPT) {
                        WEBHOOKS.removeLast();
                    }
                    send(exchange, "application/json", "{\"ok\":true}");
                } else {
                    send(exchange, "text/plain; charset=utf-8", String.join("\n\n----\n\n", WEBHOOKS));
                }
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                MimeMessage[] messages = smtp.receivedMessages();
                if (path.startsWith("/messages/")) {
                    int n = Integer.parseInt(path.substring("/messages/".length()));
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    messages[n].writeTo(raw);
                    send(exchange, "text/plain; charset=utf-8", raw.toString(StandardCharsets.UTF_8));
                } else {
                    StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8>"
                            + "<title>BioAlert local capture</title><h1>Captured mail (" + messages.length + ")</h1><ol start=0>");
                    for (int i = 0; i < messages.length; i++) {
                        html.append("<li><a href=\"/messages/").append(i).append("\">")
                                .append(escape(messages[i].getSubject())).append("</a> to ")
                                .append(escape(String.join(", ", messages[i].getHeader("To")))).append("</li>");
                    }
                    html.append("</ol><h1>Captured webhooks (").append(WEBHOOKS.size())
                            .append(")</h1><p><a href=\"/webhooks\">all, newest first</a></p>");
                    send(exchange, "text/html; charset=utf-8", html.toString());
                }
            } catch (Exception e) {
                send(exchange, "text/plain", "error: " + e.getMessage());
            }
        });
        server.start();
        return server;
    }

    private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
