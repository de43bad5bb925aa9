package dev.braid.reactive.model;

import dev.braid.mapping.MappingRegistry;

public final class Models {
    private Models() {}

    public static MappingRegistry registry() {
        return MappingRegistry.builder()
                .entity(Author.class, Book.class, Account.class, Everything.class, Membership.class, AuthorView.class, Scalars.class)
                .build();
    }
}
