package io.bioalert.notify.channel.webhook;

import io.bioalert.notify.config.NotifyConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP for Slack and generic webhooks: the JDK client, asynchronous so that a whole batch is in flight at
 * once, HTTP/1.1 with keep-alive, and never following redirects (a redirect could lead past the
 * {@link UrlGuard} into the internal network). A Vert.x client was tried for speed but left requests
 * hanging past their timeout under load in the fan-out benchmark.
 */
@ApplicationScoped
public class HttpTransport {

    /** What came back: status, the Retry-After header if any, and the body (for Slack's error words). */
    public record Answer(int status, String retryAfterHeader, String body) {
        public Duration retryAfter() {
            if (retryAfterHeader == null) {
                return null;
            }
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfterHeader.trim())));
            } catch (NumberFormatException e) {
                return Duration.ofMinutes(1); // an HTTP date: rare from webhook receivers, wait a minute
            }
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "webhook-http");
        t.setDaemon(true);
        return t;
    });

    HttpTransport(NotifyConfig config) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.webhook().connectTimeout())
                .executor(executor)
                .build();
        this.timeout = config.webhook().requestTimeout();
    }

    public CompletableFuture<Answer> post(URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), r.body()));
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    @Produces
    @Singleton
    UrlGuard urlGuard(NotifyConfig config) {
        return new UrlGuard(config.webhook().allowHosts().orElse(List.of()));
    }

    public static String brief(String body) {
        if (body == null) {
            return "";
        }
        String b = body.strip();
        return b.length() > 300 ? b.substring(0, 300) + "…" : b;
    }
}
