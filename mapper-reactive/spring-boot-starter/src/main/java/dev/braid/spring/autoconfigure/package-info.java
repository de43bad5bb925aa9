/**
 * Spring Boot auto-configuration for Braid: the {@code Mapper} and {@code MappingRegistry} beans built from
 * Boot's {@code ConnectionFactory}, the {@code braid.*} properties, schema creation at startup and the
 * failure report for mapping problems.
 */
@NullMarked
package dev.braid.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
