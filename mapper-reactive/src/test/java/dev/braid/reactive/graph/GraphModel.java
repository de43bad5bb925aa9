package dev.braid.reactive.graph;

import dev.braid.mapping.MappingRegistry;

public final class GraphModel {
    private GraphModel() {}

    public static MappingRegistry registry() {
        return MappingRegistry.builder()
                .entity(Writer.class, Novel.class, Review.class, Member.class, Post.class, Team.class, Message.class,
                        Company.class, Employee.class, Node.class, Person.class, Passport.class,
                        Shelf.class, Item.class, Tag.class,
                        Kennel.Home.class, Kennel.Dog.class, Kennel.Farm.class, Kennel.Cow.class,
                        Cycle.Department.class, Cycle.Staff.class)
                .build();
    }
}
