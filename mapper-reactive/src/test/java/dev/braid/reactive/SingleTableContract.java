package dev.braid.reactive;

import dev.braid.reactive.inherit.Engineer;
import dev.braid.reactive.inherit.Engineer_;
import dev.braid.reactive.inherit.Firm;
import dev.braid.reactive.inherit.InheritModels;
import dev.braid.reactive.inherit.Manager;
import dev.braid.reactive.inherit.Principal;
import dev.braid.reactive.inherit.Staff;
import dev.braid.reactive.inherit.Staff_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single-table inheritance: Staff (concrete base), Engineer, Manager and Principal (an Engineer) in one table
 * "staff" with discriminator column "kind"; polymorphic queries, the discriminator written at INSERT, one
 * identity per base key, relationships to the base class.
 */
abstract class SingleTableContract extends MapperTestBase {

    @Override
    protected dev.braid.mapping.MappingRegistry registry() {
        return InheritModels.singleTable();
    }

    @Test
    void explore() {
        System.out.println("DDL " + mapper.schema().createStatements());
        StepVerifier.create(mapper.inTransaction(s -> s.addAll(List.of(new Staff("sam"), new Engineer("eve", "java"),
                new Manager("max", 10), new Principal("pat", "rust", "compilers"))))).verifyComplete();
        System.out.println("INS " + recorder().statements());
        System.out.println("ROWS " + rows("SELECT id, name, kind, language, budget, area FROM staff ORDER BY id"));
        recorder().clear();
        StepVerifier.create(mapper.withSession(s -> s.select(Staff.class).orderBy(Staff_.id.asc()).all()).collectList())
                .assertNext(l -> System.out.println("ALL " + l.stream().map(o -> o.getClass().getSimpleName() + o).toList()))
                .verifyComplete();
        StepVerifier.create(mapper.withSession(s -> s.select(Engineer.class).where(Engineer_.language.eq("rust")).all()).collectList())
                .assertNext(l -> System.out.println("ENG " + l)).verifyComplete();
        System.out.println("SEL " + recorder().statements());
    }
}
