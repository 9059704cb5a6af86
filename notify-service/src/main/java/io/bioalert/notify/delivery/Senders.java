package io.bioalert.notify.delivery;

import io.bioalert.notify.watchlist.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;

/** The channel senders by destination type. */
@ApplicationScoped
public class Senders {

    private final Map<Destination.Type, ChannelSender> byType = new EnumMap<>(Destination.Type.class);

    Senders(Instance<ChannelSender> senders) {
        senders.forEach(s -> byType.put(s.channel(), s));
    }

    public ChannelSender of(Destination.Type type) {
        ChannelSender s = byType.get(type);
        if (s == null) {
            throw new IllegalStateException("no sender for " + type);
        }
        return s;
    }
}
