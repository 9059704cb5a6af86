package io.bioalert.notify.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock of the rules that count time in days and hours (confirm-link expiry, quota windows), so that
 * tests can move it instead of waiting; another {@link Clock} bean replaces this one.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
