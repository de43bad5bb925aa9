package dev.braid.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Braid's observation settings, the {@code braid.observations.*} properties.
 */
@ConfigurationProperties("braid.observations")
public class BraidObservationProperties {

    /**
     * Observe Braid's statements and units of work (flushes, relationship loads, stream windows, sessions) with
     * Micrometer when the application has an ObservationRegistry bean (Spring Boot Actuator provides one).
     */
    private boolean enabled = true;

    /** The properties with their defaults; Spring binds them. */
    public BraidObservationProperties() {}

    /**
     * Whether Braid is observed.
     *
     * @return true (the default) to observe Braid when an ObservationRegistry bean exists
     */
    public boolean isEnabled() { return enabled; }

    /**
     * Turns Braid's observations on or off.
     *
     * @param enabled false to leave Braid unobserved
     */
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
