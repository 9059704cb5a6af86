package io.bioalert.notify.channel.http;

import io.bioalert.net.UrlGuard;
import io.bioalert.notify.channel.EventLoops;
import io.bioalert.notify.config.NotifyConfig;
import io.bioalert.notify.delivery.AnswerLost;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
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
import java.util.concurrent.atomic.AtomicReference;

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

    /** The longest Retry-After honoured: a larger one (or one too large to count) waits this long. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    /** What came back: status, the Retry-After header if any, and the start of the body (for Slack's error words). */
    public record Answer(int status, String retryAfterHeader, String body) {
        public Duration retryAfter() {
            if (retryAfterHeader == null) {
                return null;
            }
            String seconds = retryAfterHeader.trim();
            if (!seconds.matches("\\d{1,20}")) {
                return Duration.ofMinutes(1); // an HTTP date: rare from webhook receivers, wait a minute
            }
            // Any number of digits: one that overflows a long, or a due time, would leave the row unscheduled.
            return seconds.length() > 9 ? MAX_RETRY_AFTER
                    : Duration.ofSeconds(Math.min(Long.parseLong(seconds), MAX_RETRY_AFTER.toSeconds()));
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
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        // The whole exchange runs on an event loop. Started from any other thread, a callback chained on
        // an already completed future runs on that thread, and response.body() called there can miss a
        // reply that the event loop is reading at the same moment: the request then never completes
        // (eclipse-vertx/vert.x#5904). The fan-out benchmark lost about one request in 5,000 that way.
        EventLoops.next(vertx).runOnContext(start -> client.request(options)
                .compose(request -> {
                    inFlight.set(request);
                    return request.send(Buffer.buffer(body));
                })
                .onFailure(e -> answer.completeExceptionally(inFlight.get() == null ? e : new AnswerLost.Broken(e)))
                .onSuccess(response -> readStart(inFlight.get(), response, answer)));
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> {
                    if (e instanceof TimeoutException) {
                        // Not left to run: a receiver that trickles its answer would hold a connection for ever.
                        HttpClientRequest request = inFlight.get();
                        if (request != null) {
                            request.reset();
                        }
                        String late = "no answer within " + timeout.toMillis() + " ms";
                        return CompletableFuture.failedFuture(
                                request == null ? new TimeoutException(late) : new AnswerLost.Timeout(late));
                    }
                    return CompletableFuture.failedFuture(e);
                });
    }

    /**
     * Keeps the first {@link #MAX_REPLY_BYTES} of the reply and resets the request there, so a receiver that
     * streams gigabytes costs 16 KiB, not the whole body in memory.
     */
    private static void readStart(HttpClientRequest request, HttpClientResponse response, CompletableFuture<Answer> answer) {
        Buffer kept = Buffer.buffer();
        response.exceptionHandler(e -> answer.completeExceptionally(new AnswerLost.Broken(e)));
        response.handler(chunk -> {
            if (answer.isDone()) {
                return;
            }
            int room = MAX_REPLY_BYTES - kept.length();
            kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            if (chunk.length() >= room) {
                answer.complete(answer(response, kept));
                request.reset();
            }
        });
        response.endHandler(end -> answer.complete(answer(response, kept)));
    }

    public CompletableFuture<Answer> post(UrlGuard.Target target, Map<String, String> headers, String body) {
        return post(target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer answer(HttpClientResponse response, Buffer reply) {
        return new Answer(response.statusCode(), response.getHeader("Retry-After"), reply.toString(StandardCharsets.UTF_8));
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
}
