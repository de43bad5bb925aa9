package dev.braid.core.internal.inherit;

import dev.braid.annotation.DiscriminatorValue;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Inheritance;
import dev.braid.annotation.InheritanceStrategy;
import dev.braid.annotation.ManyToOne;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.dialect.Dialect;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.MappingException;
import dev.braid.error.MappingProblem;
import dev.braid.mapping.EntityDefinition;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Query;
import dev.braid.relation.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Configure-time errors of inheritance mappings, each naming the class (and attribute) and the fix; the builder. */
class InheritanceValidationTest {

    @Entity(table = "animals")
    @Inheritance
    static class Animal {
        @Id @Identity Long id;
        String type; // clashes with the default discriminator column "type"
    }

    static class Unannotated extends Animal { String colour; }

    @Entity(table = "dogs") @DiscriminatorValue("pet") static class Dog extends Animal { String breed; }

    @Entity @DiscriminatorValue("pet") static class Cat extends Animal { @Id Long tag; int lives; }

    @Entity @DiscriminatorValue("lone") static class Lone { @Id Long id; }

    @Entity static class Fish extends Animal {
        @dev.braid.annotation.BeforeInsert void check() {}
    }

    @Entity static class Bird extends Animal {
        Long nestId;
        @ManyToOne(foreignKey = "nestId") final Reference<Lone> nest = Reference.of(this);
    }

    @Entity(table = "shapes") @Inheritance(strategy = InheritanceStrategy.JOINED)
    static class Shape { @Id Long id; }

    @Entity(table = "shapes") static class Square extends Shape { Integer side; }

    @Test
    void everyProblemOfAHierarchyIsReportedWithItsFix() {
        MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                .entity(Animal.class, Unannotated.class, Dog.class, Cat.class, Lone.class, Bird.class, Shape.class, Square.class, Fish.class)
                .build());
        assertThat(error.code()).isEqualTo(ErrorCode.BRAID_MAPPING);
        assertThat(error.problems()).extracting(MappingProblem::kind).containsExactlyInAnyOrder(
                MappingProblem.Kind.INHERITANCE_NOT_ENTITY, MappingProblem.Kind.INHERITANCE_DUPLICATE_VALUE,
                MappingProblem.Kind.INHERITANCE_ID_ON_SUBCLASS, MappingProblem.Kind.INHERITANCE_PRIMITIVE_SUBCLASS_ATTRIBUTE,
                MappingProblem.Kind.INHERITANCE_NO_BASE, MappingProblem.Kind.INHERITANCE_DISCRIMINATOR_CLASH,
                MappingProblem.Kind.INHERITANCE_UNSUPPORTED, MappingProblem.Kind.INHERITANCE_UNSUPPORTED,
                MappingProblem.Kind.INHERITANCE_UNSUPPORTED, MappingProblem.Kind.INHERITANCE_UNSUPPORTED);
        assertThat(error.messages()).contains(
                "Unannotated extends Animal, the base of an inheritance hierarchy, but is not annotated @Entity."
                        + " Fix: annotate Unannotated with @Entity (and @DiscriminatorValue)",
                "Dog and Cat both have discriminator value 'pet'. Fix: give one of them another @DiscriminatorValue"
                        + " (.discriminatorValue(...) in an EntityDefinition)",
                "Cat.tag is an @Id on a subclass of Animal: the hierarchy's id is its base's. Fix: remove @Id from"
                        + " Cat.tag (declare the id on Animal)",
                "Cat.lives is a primitive int, but rows of the other classes of Animal's table leave it NULL."
                        + " Fix: use the wrapper type Integer",
                "Lone declares a discriminator value but no registered superclass is an @Inheritance base. Fix: annotate"
                        + " its base class with @Inheritance and register it, or remove @DiscriminatorValue",
                "the discriminator column 'type' of Animal's hierarchy is also mapped by attribute type. Fix: name the"
                        + " discriminator column otherwise (@DiscriminatorColumn(name = ...)), or map the attribute to"
                        + " another column; Braid writes the discriminator itself",
                "Dog names table dogs, but the classes of a single-table hierarchy share Animal's table animals."
                        + " Fix: remove the table name from Dog",
                "Fish declares lifecycle callbacks of its own, but Braid calls those of Animal, the base of its"
                        + " hierarchy, only. Fix: declare them on Animal (a subclass may override them there)",
                "Bird.nest is a relationship declared on a subclass of Animal, which Braid does not map yet. Fix: declare"
                        + " it on Animal (every class of the hierarchy then has it)");
        assertThat(error.problems()).filteredOn(p -> p.entity().equals("Square")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Square is in Shape's joined-table hierarchy but"
                        + " names no table of its own. Fix: name its table: @Entity(table = \"...\") on Square (it"
                        + " holds Square's own columns)"));
    }

    /** Classes mapped with the builder. */
    static class Vehicle { Long id; String maker; }

    static class Car extends Vehicle { Integer seats; }

    static class Truck extends Vehicle { Integer load; }

    @Test
    void theBuilderMapsAHierarchyToo() {
        MappingRegistry registry = MappingRegistry.builder()
                .define(EntityDefinition.of(Vehicle.class).table("vehicles").identity("id").column("maker")
                        .inheritance(InheritanceStrategy.SINGLE_TABLE, "kind").discriminatorValue("vehicle"))
                .define(EntityDefinition.of(Car.class).column("seats").discriminatorValue("car"))
                .define(EntityDefinition.of(Truck.class).column("load"))
                .build();
        EntityMapping vehicles = registry.entity(Truck.class);
        assertThat(vehicles.type()).isEqualTo(Vehicle.class);
        assertThat(vehicles.hierarchy().valuesUnder(Vehicle.class)).containsExactly("vehicle", "car", "truck");
        assertThat(new QueryPlanner(registry, Dialect.h2()).select(Query.from(Car.class)).sql().sql())
                .isEqualTo("SELECT vehicles.id, vehicles.maker, vehicles.seats, vehicles.load, vehicles.kind"
                        + " FROM vehicles WHERE vehicles.kind = $1");
        assertThat(vehicles.instantiate(new Object[]{1L, "volvo", null, 20, "truck"})).isInstanceOf(Truck.class);
        assertThatThrownBy(() -> vehicles.instantiate(new Object[]{2L, "x", null, null, "bus"}))
                .isInstanceOf(MapperException.class)
                .hasMessage("[BRAID_CONVERSION] A row of table vehicles has kind = 'bus', which no class of Vehicle's"
                        + " hierarchy maps (mapped values: [vehicle, car, truck]). Fix: map a class with"
                        + " @DiscriminatorValue(\"bus\") or correct the row");
    }
}
