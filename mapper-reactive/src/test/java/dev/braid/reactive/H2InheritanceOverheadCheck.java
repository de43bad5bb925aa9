package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.inherit.Engineer;
import dev.braid.reactive.inherit.Firm;
import dev.braid.reactive.inherit.Laptop;
import dev.braid.reactive.inherit.Manager;
import dev.braid.reactive.inherit.PlainStaff;
import dev.braid.reactive.inherit.Principal;
import dev.braid.reactive.inherit.Staff;
import dev.braid.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Not part of the suite (run with -Dtest=H2InheritanceOverheadCheck): reads 20,000 rows of a single-table
 * hierarchy (four classes) and 20,000 rows of a plain entity with the same columns into a session, and prints
 * the median time of each.
 */
class H2InheritanceOverheadCheck extends MapperTestBase {
    @Override
    protected TestDatabase createDatabase() { return TestDatabase.h2(); }

    @Override
    protected MappingRegistry registry() {
        return MappingRegistry.builder().entity(Firm.class, Staff.class, Engineer.class, Manager.class, Principal.class,
                Laptop.class, PlainStaff.class).build();
    }

    @Test
    void readTimes() {
        String[] kinds = {"staff", "engineer", "manager", "principal"};
        for (String table : List.of("staff", "plain_staff")) {
            execute("INSERT INTO " + table + " (name, language, budget, area, kind) SELECT 'n' || X, 'java', X, 'a',"
                    + " CASEWHEN(MOD(X, 4) = 0, 'staff', CASEWHEN(MOD(X, 4) = 1, 'engineer', CASEWHEN(MOD(X, 4) = 2,"
                    + " 'manager', 'principal'))) FROM SYSTEM_RANGE(1, 20000)");
        }
        for (int round = 0; round < 6; round++) {
            System.out.println("plain       median ms " + median(PlainStaff.class));
            System.out.println("hierarchy   median ms " + median(Staff.class));
        }
        if (kinds.length == 0) throw new AssertionError();
    }

    private double median(Class<?> type) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            Long n = mapper.withSession(s -> s.select(type).all().count()).blockLast(TIMEOUT);
            times.add(System.nanoTime() - start);
            if (n != 20000L) throw new AssertionError(n);
        }
        times.sort(null);
        return times.get(times.size() / 2) / 1e6;
    }
}
