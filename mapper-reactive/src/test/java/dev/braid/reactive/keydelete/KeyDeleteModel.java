package dev.braid.reactive.keydelete;

import dev.braid.mapping.MappingRegistry;

/** The model of the delete-by-keys contract. */
public final class KeyDeleteModel {
    private KeyDeleteModel() {}

    public static MappingRegistry registry() {
        return MappingRegistry.builder()
                .entity(Author.class, Book.class, Chapter.class, Article.class, Reader.class, Ledger.class)
                .build();
    }
}
