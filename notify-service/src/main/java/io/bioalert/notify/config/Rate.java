package io.bioalert.notify.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;

/**
 * A quota: at most {@code count} in each {@code per}, written {@code 10/1h} in configuration (count, a
 * slash, a duration as Quarkus reads them: {@code 30s}, {@code 1m}, {@code 1h}, {@code 1d}).
 */
public record Rate(int count, Duration per) {

    public Rate {
        if (count < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate needs a positive count and duration, not " + count + "/" + per);
        }
    }

    /** Parses {@code 10/1h}; SmallRye Config finds this method by its name. */
    public static Rate of(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a rate is written count/duration, e.g. 10/1h, not " + text);
        }
        return new Rate(Integer.parseInt(text.substring(0, slash).trim()),
                DurationConverter.parseDuration(text.substring(slash + 1).trim()));
    }

    @Override
    public String toString() {
        return count + " per " + words(per);
    }

    private static String words(Duration d) {
        if (d.equals(Duration.ofDays(1))) {
            return "day";
        }
        if (d.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (d.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        return d.toString().substring(2).toLowerCase();
    }
}
