package dev.braid.spring.autoconfigure;

import dev.braid.reactive.MapperBuilder;

/**
 * A bean that adjusts the {@link MapperBuilder} of the auto-configured {@code Mapper} before it is built (after
 * the {@code braid.*} properties and the {@code ExecutionListener} beans were applied): add an observer, set a
 * dialect, change a timeout. Customizers run in their {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * MapperBuilderCustomizer auditObserver(AuditObserver observer) {
 *     return builder -> builder.observer(observer);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MapperBuilderCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder of the auto-configured mapper
     */
    void customize(MapperBuilder builder);
}
