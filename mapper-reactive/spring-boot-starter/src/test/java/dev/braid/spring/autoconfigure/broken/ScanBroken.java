package dev.braid.spring.autoconfigure.broken;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Plays the application class of an application whose only entity is broken. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ScanBroken {
}
