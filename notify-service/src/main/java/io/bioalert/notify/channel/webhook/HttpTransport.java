package io.bioalert.notify.channel.webhook;

import io.bioalert.net.UrlGuard;
import io.bioalert.notify.channel.EventLoops;
import io.bioalert.notify.config.NotifyConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP for Slack and generic webhooks: the Vert.x client on Quarkus' event loops, HTTP/1.1 with a bounded
 * keep-alive pool per host, and never following redirects (a redirect could lead past the {@link UrlGuard}
 * into the internal network).
 *
 * <p>Vert.x rather than the JDK client because fan-out is CPU-bound: on a 2-core machine the JDK client
 * delivered ~3,500 small POSTs/s to a local receiver where this one delivered ~14,000/s. Every request
 * ends within the request timeout, whatever the receiver or the pool does: the returned future is failed
 * at that deadline even if Vert.x has not given up yet, so a dispatcher never waits on a stuck request.
 */
@ApplicationScoped
public class HttpTransport {

    /** Only the start of a reply is kept: receivers' error words, never a body someone streams at us. */
    static final int MAX_REPLY_BYTES = 16 * 1024;

    /** What came back: status, the Retry-After header if any, and the start of the body (for Slack's error words). */
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

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration timeout;

    HttpTransport(Vertx vertx, NotifyConfig config) {
        this.vertx = vertx;
        NotifyConfig.Webhook webhook = config.webhook();
        this.timeout = webhook.requestTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setConnectTimeout((int) webhook.connectTimeout().toMillis())
                        .setMaxRedirects(0)
                        .setVerifyHost(true),
                new PoolOptions().setHttp1MaxSize(webhook.connectionsPerHost()));
    }

    /**
     * POSTs to the target's checked address, never to a fresh resolution of its host name; the name still
     * goes in the Host header and, over TLS, in SNI and the certificate check.
     */
    public CompletableFuture<Answer> post(UrlGuard.Target target, Map<String, String> headers, byte[] body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(target.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        // The whole exchange runs on an event loop. Started from any other thread, a callback chained on
        // an already completed future runs on that thread, and response.body() called there can miss a
        // reply that the event loop is reading at the same moment: the request then never completes
        // (eclipse-vertx/vert.x#5904). The fan-out benchmark lost about one request in 5,000 that way.
        EventLoops.next(vertx).runOnContext(start -> client.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(reply -> answer(response, reply)))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        answer.complete(done.result());
                    } else {
                        answer.completeExceptionally(done.cause());
                    }
                }));
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(e instanceof TimeoutException
                        ? new TimeoutException("no answer within " + timeout.toMillis() + " ms")
                        : e));
    }

    public CompletableFuture<Answer> post(UrlGuard.Target target, Map<String, String> headers, String body) {
        return post(target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer answer(HttpClientResponse response, Buffer reply) {
        int keep = Math.min(reply.length(), MAX_REPLY_BYTES);
        return new Answer(response.statusCode(), response.getHeader("Retry-After"),
                reply.getString(0, keep, StandardCharsets.UTF_8.name()));
    }

    @PreDestroy
    void close() {
        client.close();
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
