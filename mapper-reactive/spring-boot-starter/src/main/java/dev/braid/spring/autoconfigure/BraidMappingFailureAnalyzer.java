package dev.braid.spring.autoconfigure;

import dev.braid.error.MappingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a startup failure caused by a {@link MappingException} into Boot's failure report: every mapping
 * problem, numbered, and what to do.
 */
public final class BraidMappingFailureAnalyzer extends AbstractFailureAnalyzer<MappingException> {

    /** The analyzer; Boot creates it from {@code META-INF/spring.factories}. */
    public BraidMappingFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MappingException cause) {
        return new FailureAnalysis("Braid's mapping is invalid (" + cause.code() + "). " + cause.getMessage(),
                "Fix each problem listed above in the entity classes, or map only the intended classes with "
                        + "braid.entities.", cause);
    }
}
