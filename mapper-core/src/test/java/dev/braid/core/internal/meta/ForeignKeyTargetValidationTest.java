package dev.braid.core.internal.meta;

import dev.braid.mapping.MappingRegistry;
import dev.braid.error.ErrorCode;
import dev.braid.error.MappingException;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.OneToMany;
import dev.braid.mapping.EntityDefinition;
import dev.braid.relation.RelatedList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A foreign key declared without a target is a configure error, from annotations and from the builder. */
class ForeignKeyTargetValidationTest {

    @Entity(table = "companies")
    static class Company {
        @Id Long id;
        @OneToMany final RelatedList<Employee> employees = RelatedList.of(this);
    }

    @Entity(table = "employees")
    static class Employee {
        @Id Long id;
        @ForeignKey(table = "") Long companyId;
    }

    @Entity(table = "contracts")
    static class Contract {
        @Id Long id;
        @ForeignKey(entity = Company.class, table = "employees") Long companyId;
    }

    static class Plain { Long id; Long companyId; }

    static String emptyTarget(String attribute) {
        return "Employee." + attribute + " is declared a foreign key without a target: its table is empty and it names"
                + " no entity, so it would be a plain column with no constraint and no relationship could use it."
                + " Fix: name the referenced entity, @ForeignKey(entity = Target.class), or its table,"
                + " @ForeignKey(table = \"targets\") (in an EntityDefinition: .foreignKey(\"" + attribute
                + "\", Target.class)); or remove @ForeignKey if it is not one";
    }

    @Test
    void anEmptyTableIsReportedOnceNamingTheAttributeAndTheFix() {
        MappingException error = catchThrowableOfType(MappingException.class,
                () -> MappingRegistry.builder().entity(Company.class, Employee.class).build());
        assertThat(error.code()).isEqualTo(ErrorCode.BRAID_MAPPING);
        // Only this problem: Company.employees is not also told to "add a column annotated @ForeignKey".
        assertThat(error.messages()).containsExactly(emptyTarget("companyId"));
    }

    @Test
    void anEntityAndADifferentTableAreReported() {
        MappingException error = catchThrowableOfType(MappingException.class,
                () -> MappingRegistry.builder().entity(Company.class, Contract.class).build());
        assertThat(error.messages()).contains("Contract.companyId names entity Company (table companies) and table"
                + " 'employees' as its foreign-key target. Fix: name one of them");
    }

    @Test
    void theBuilderReportsANullOrBlankTableTheSameWay() {
        for (String table : new String[]{null, "", " "}) {
            MappingException error = catchThrowableOfType(MappingException.class, () -> MappingRegistry.builder()
                    .define(EntityDefinition.of(Plain.class).table("companies").id("id"))
                    .define(EntityDefinition.of(Employee.class).table("employees").id("id").foreignKey("companyId", table, null))
                    .build());
            assertThat(error.messages()).as("table %s", table).containsExactly(emptyTarget("companyId"));
        }
    }

    @Test
    void aNamedTableWithAnEmptyColumnReferencesTheTargetsId() {
        MappingRegistry registry = MappingRegistry.builder()
                .define(EntityDefinition.of(Plain.class).table("companies").id("id"))
                .define(EntityDefinition.of(Employee.class).table("employees").id("id").foreignKey("companyId", "companies", ""))
                .build();
        assertThat(registry.entity(Employee.class).requireAttribute("companyId").foreignKey())
                .isEqualTo(new ForeignKeyTarget("companies", "id"));
    }
}
