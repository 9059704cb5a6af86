package io.bioalert.testkit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Disables {@link RealInfrastructure} tests in containers mode when no Docker engine answers. */
public final class InfrastructureAvailableCondition implements ExecutionCondition {

    private static Boolean dockerAvailable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!Infrastructure.containersMode()) {
            return ConditionEvaluationResult.enabled("local servers: embedded Kafka, PostgreSQL, GreenMail");
        }
        return dockerAvailable()
                ? ConditionEvaluationResult.enabled("Docker engine available")
                : ConditionEvaluationResult.disabled("containers mode, but no Docker engine answers on this machine");
    }

    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = ContainerServers.withOwnClassLoader(() -> {
                try {
                    return DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    return false;
                }
            });
        }
        return dockerAvailable;
    }
}
