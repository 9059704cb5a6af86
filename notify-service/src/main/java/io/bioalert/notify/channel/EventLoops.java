package io.bioalert.notify.channel;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/** Where the channels start their Vert.x exchanges. */
public final class EventLoops {

    private EventLoops() {
    }

    /**
     * A new event-loop context, on the event loops in turn. Not {@code Vertx.getOrCreateContext()}: on a
     * Vert.x thread, such as the Kafka consumer's blocking handler that hands fresh deliveries to the
     * dispatcher, it returns that thread's context, and every exchange started there would be handled on
     * the consumer's one event loop.
     */
    public static Context next(Vertx vertx) {
        return ((VertxInternal) vertx).createEventLoopContext();
    }
}
