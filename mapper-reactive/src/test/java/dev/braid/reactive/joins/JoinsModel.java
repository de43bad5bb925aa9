package dev.braid.reactive.joins;

import dev.braid.mapping.MappingRegistry;

/** The mapping of the join-paging and get() contracts (issue 14 items 1 and 4). */
public final class JoinsModel {
    private JoinsModel() {}

    public static MappingRegistry registry() {
        return MappingRegistry.builder()
                .entity(Article.class, Tag.class, Category.class, Basket.class, Fruit.class, Note.class)
                .build();
    }
}
