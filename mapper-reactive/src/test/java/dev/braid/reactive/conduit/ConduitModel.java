package dev.braid.reactive.conduit;

import dev.braid.mapping.MappingRegistry;

/** The mapping of the projection and subquery contracts (issue 17 items 1, 2 and 8): a RealWorld "Conduit" and a folder tree. */
public final class ConduitModel {
    private ConduitModel() {}

    public static MappingRegistry registry() {
        return MappingRegistry.builder().entity(User.class, Article.class, Tag.class, Comment.class, Folder.class).build();
    }
}
