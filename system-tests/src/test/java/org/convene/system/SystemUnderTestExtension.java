package org.convene.system;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link SystemUnderTest} of this JVM as a constructor or method parameter.
 * The first class that asks starts it; the root store closes it when all tests are done. Every test
 * begins with all services ready, whatever outage or restart the test before it caused.
 */
final class SystemUnderTestExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SystemUnderTestExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SystemUnderTest.class;
    }

    @Override
    public SystemUnderTest resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        system(context).awaitReady();
    }

    private static SystemUnderTest system(ExtensionContext context) {
        // The root store outlives every class, and closes what it holds once at the end.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SystemUnderTest.class, key -> {
            try {
                return SystemUnderTest.start();
            } catch (Exception e) {
                throw new IllegalStateException("the system under test did not start", e);
            }
        }, SystemUnderTest.class);
    }
}
