package dev.braid.core.internal.meta;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.OneToMany;
import dev.braid.annotation.Version;
import dev.braid.relation.RelatedList;

/** Entities that are each broken in exactly one way, for {@link MappingProblemTest}. */
final class MappingProblemFixtures {
    private MappingProblemFixtures() {}

    @Entity(table = "no_id")
    static class NoId { String name; }

    @Entity(table = "employees")
    static class EmptyForeignKey { @Id Long id; @ForeignKey(table = "") Long companyId; }

    @Entity(table = "books")
    static class Book { @Id Long id; @ForeignKey(table = "writers") Long authorId; }

    @Entity(table = "odd")
    static class Odd { @Id Long id; Object anything; }

    @Entity(table = "shared")
    static class First { @Id Long id; }

    @Entity(table = "shared")
    static class Second { @Id Long id; }

    @Entity(table = "primitive_ids")
    static class PrimitiveId { @Id @Identity long id; }

    @Entity(table = "versioned_ids")
    static class VersionedId { @Id @Version Long id; }

    @Entity(table = "two_versions")
    static class TwoVersions { @Id Long id; @Version Long a; @Version Long b; }

    @Entity(table = "parents")
    static class Parent { @Id Long id; @OneToMany final RelatedList<Child> children = RelatedList.of(this); }

    @Entity(table = "children")
    static class Child { @Id Long id; }

    @Entity(table = "loners")
    static class Loner { @Id Long id; @OneToMany final RelatedList<Child> children = RelatedList.of(this); }
}
