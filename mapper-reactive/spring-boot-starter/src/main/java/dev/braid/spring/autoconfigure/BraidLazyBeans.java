package dev.braid.spring.autoconfigure;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * {@code braid.fail-fast=false}: marks the auto-configured {@code braidMappingRegistry} and {@code braidMapper}
 * beans lazy, so a mapping problem does not stop the context; the {@code MappingException} is thrown when the
 * mapper is first used (injected eagerly, it still fails at startup).
 */
public final class BraidLazyBeans implements BeanFactoryPostProcessor {

    /** The post-processor; the auto-configuration creates it. */
    public BraidLazyBeans() {}

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : new String[] {"braidMappingRegistry", "braidMapper"}) {
            if (beanFactory.containsBeanDefinition(name)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                definition.setLazyInit(true);
            }
        }
    }
}
