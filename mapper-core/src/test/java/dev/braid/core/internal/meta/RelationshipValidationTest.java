package dev.braid.core.internal.meta;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.LoadStrategy;
import dev.braid.mapping.MappingRegistry;
import dev.braid.error.MappingException;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.mapping.EntityDefinition;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RelationshipValidationTest {

    @Entity(table = "parents")
    static class Parent {
        @Id Long id;
        @OneToMany(backPopulates = "missing") final RelatedList<Child> wrongName = RelatedList.of(this);
        @OneToMany(backPopulates = "parentByFk") final RelatedList<Child> children = RelatedList.of(this);
        @OneToMany(backPopulates = "other") final RelatedList<Child> wrongDirection = RelatedList.of(this);
        @OneToMany final RelatedList<Stranger> noForeignKey = RelatedList.of(this);
        @ManyToOne final Reference<Unregistered> unregistered = Reference.of(this);
        @ManyToMany(table = "links", column = "parent_id", inverseColumn = "nope") final RelatedList<Child> badLink = RelatedList.of(this);
        final RelatedList<Child> unannotated = RelatedList.of(this);
    }

    @Entity(table = "children")
    static class Child {
        @Id Long id;
        @ForeignKey(entity = Parent.class) Long firstParentId;
        @ForeignKey(entity = Parent.class) Long secondParentId;
        @ManyToOne(backPopulates = "children", cascade = dev.braid.annotation.Cascade.DELETE_ORPHAN)
        final Reference<Parent> parentByFk = Reference.of(this);
        @OneToMany(backPopulates = "wrongDirection") final RelatedList<Parent> other = RelatedList.of(this);
    }

    @Entity(table = "links")
    static class Link {
        @Id @ForeignKey(entity = Parent.class) Long parentId;
        @Id @ForeignKey(entity = Child.class) Long childId;
    }

    @Entity(table = "strangers")
    static class Stranger { @Id Long id; }

    @Entity(table = "unregistered")
    static class Unregistered { @Id Long id; }

    @Test
    void everyRelationshipProblemIsReportedAtOnceWithAFix() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .entity(Parent.class, Child.class, Link.class, Stranger.class).build());
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).isEqualTo("Parent.wrongName has backPopulates ="
                + " \"missing\", but Child has no relationship named missing. Fix: declare Child.missing or correct"
                + " the name; its relationships: [parentByFk, other]"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).startsWith("Child.parentByFk: ambiguous, Child has"
                + " several foreign keys to parents [firstParentId, secondParentId]. Fix: name one with foreignKey = \"firstParentId\""));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).isEqualTo("Parent.wrongDirection is ONE_TO_MANY but"
                + " its backPopulates Child.other is ONE_TO_MANY. Fix: the reverse of ONE_TO_MANY must be MANY_TO_ONE"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).startsWith("Parent.noForeignKey: no foreign key links"
                + " strangers to parents. Fix: add a column to Stranger annotated @ForeignKey(entity = Parent.class)"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).isEqualTo("Parent.unregistered targets Unregistered,"
                + " which is not registered. Fix: register Unregistered with the MappingRegistry builder"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).startsWith("Parent.badLink: link table links (mapped by"
                + " Link) has no column 'nope'"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).startsWith("Parent.unannotated is a relationship"
                + " wrapper without a relationship annotation"));
        assertThat(error.messages()).anySatisfy(p -> assertThat(p).startsWith("Child.parentByFk has cascade"
                + " DELETE_ORPHAN, but a Parent can be referenced by several Child objects through it")
                .contains("Fix: put DELETE_ORPHAN on the one-to-many side"));
    }

    static class Plain { Long id; Long ownerId; final Reference<Owner> owner = Reference.of(this); }

    static class Owner { Long id; final RelatedList<Plain> plains = RelatedList.of(this); }

    @Test
    void builderRelationshipsResolveLikeAnnotations() {
        MappingRegistry registry = MappingRegistry.builder()
                .define(EntityDefinition.of(Owner.class).table("owners").id("id")
                        .oneToMany("plains", Plain.class, r -> r.backPopulates("owner").load(LoadStrategy.SELECTIN)))
                .define(EntityDefinition.of(Plain.class).table("plains").id("id")
                        .foreignKey("ownerId", Owner.class)
                        .manyToOne("owner", Owner.class, r -> r.backPopulates("plains")))
                .build();
        RelationshipMapping plains = registry.entity(Owner.class).requireRelationship("plains");
        assertThat(plains.direction()).isEqualTo(RelationshipMapping.Direction.ONE_TO_MANY);
        assertThat(plains.remoteColumn().column()).isEqualTo("owner_id");
        assertThat(plains.load()).isEqualTo(LoadStrategy.SELECTIN);
        assertThat(plains.reverse().attribute()).isEqualTo("owner");
        assertThat(plains.cascade()).containsExactlyInAnyOrder(Cascade.SAVE_UPDATE, Cascade.MERGE);
        // and the wrappers keep both ends in sync for builder-mapped classes too: the reverse names
        // belong to the registry, so a new object syncs once it enters a session of it (here: pending)
        Owner owner = new Owner();
        Plain plain = new Plain();
        plain.owner.set(owner);
        assertThat(owner.plains).as("no registry known yet").isEmpty();
        new dev.braid.core.internal.identity.IdentityMap().pending(registry.entity(Owner.class), owner);
        assertThat(owner.plains).containsExactly(plain);
        Plain second = new Plain();
        second.owner.set(owner);
        assertThat(owner.plains).as("synced at once against a bound owner").containsExactly(plain, second);
    }
}
