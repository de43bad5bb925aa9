package dev.braid.spring.autoconfigure.entities;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Plays the application class: records this package as the auto-configuration package to scan. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ScanHere {
}
