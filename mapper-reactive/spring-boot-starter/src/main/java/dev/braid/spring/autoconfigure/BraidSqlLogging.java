package dev.braid.spring.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.Environment;

/**
 * {@code braid.sql-logging=true}: sets logger {@code dev.braid.sql} (each statement and its timing, never the
 * bound values) to DEBUG through Spring Boot's {@link LoggingSystem} (Logback, Log4j2 or java.util.logging),
 * unless {@code logging.level.dev.braid.sql} is set explicitly, which wins. With a logging back end Boot does not
 * manage (slf4j-simple, for instance) it has no effect: configure that back end instead.
 */
public final class BraidSqlLogging implements InitializingBean {
    /** The logger Braid writes statements to. */
    public static final String LOGGER = "dev.braid.sql";

    private final BeanFactory beanFactory;
    private final ClassLoader classLoader;
    private final Environment environment;

    /**
     * The switch; it acts in {@link #afterPropertiesSet()}.
     *
     * @param beanFactory where Boot registers its logging system (bean {@value LoggingApplicationListener#LOGGING_SYSTEM_BEAN_NAME})
     * @param classLoader to detect the logging system when no bean is registered
     * @param environment to see an explicit level
     */
    public BraidSqlLogging(BeanFactory beanFactory, ClassLoader classLoader, Environment environment) {
        this.beanFactory = beanFactory;
        this.classLoader = classLoader;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.containsProperty("logging.level." + LOGGER)) {
            return;
        }
        LoggingSystem system = beanFactory.containsBean(LoggingApplicationListener.LOGGING_SYSTEM_BEAN_NAME)
                ? beanFactory.getBean(LoggingApplicationListener.LOGGING_SYSTEM_BEAN_NAME, LoggingSystem.class)
                : LoggingSystem.get(classLoader);
        system.setLogLevel(LOGGER, LogLevel.DEBUG);
    }
}
