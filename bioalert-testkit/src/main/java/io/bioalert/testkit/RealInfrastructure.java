package io.bioalert.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that needs the real servers of {@link Infrastructure}. In {@code containers} mode it is
 * skipped, with the reason, on a machine without a Docker engine (a {@code docker} command alone proves
 * nothing).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RealInfrastructure.TAG)
@ExtendWith(InfrastructureAvailableCondition.class)
public @interface RealInfrastructure {
    /** JUnit tag of these tests: the build runs them a second time against containers. */
    String TAG = "real-infra";
}
