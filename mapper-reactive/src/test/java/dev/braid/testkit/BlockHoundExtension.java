package dev.braid.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs BlockHound before any test class runs when {@code braid.blockhound=true}, so that tests which do not extend
 * {@link DatabaseTestBase} are covered too. Listed in {@code META-INF/services/org.junit.jupiter.api.extension.Extension};
 * JUnit only picks it up with {@code junit.jupiter.extensions.autodetection.enabled=true}, which the
 * {@code blockhound} surefire execution sets.
 */
public final class BlockHoundExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        BlockHoundSupport.installIfEnabled();
    }
}
