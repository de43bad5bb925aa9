package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.graph.Cycle;
import dev.braid.reactive.graph.TreeNode;
import dev.braid.reactive.graph.TreeNode_;
import dev.braid.testkit.StatementRecorder;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of a table that references itself go one statement per depth level: inserted parents first,
 * deleted children first, on every database (H2 checks a foreign key row by row, within the
 * statement); the post-updates that close a cycle of foreign keys go as one statement.
 */
abstract class SelfReferenceFlushContract extends MapperTestBase {
    /** Rows per level of the 1,000-node tree: a root, 12 children, then 4 children per node. */
    static final int[] LEVELS = {1, 12, 48, 192, 747};

    @Override
    protected MappingRegistry registry() {
        return MappingRegistry.builder().entity(TreeNode.class, Cycle.Department.class, Cycle.Staff.class).build();
    }

    /** A tree filled level by level to 1,000 nodes; names are paths ("root.0.3"). */
    static TreeNode tree() {
        TreeNode root = new TreeNode("root");
        List<TreeNode> level = List.of(root);
        int made = 1;
        for (int depth = 1; depth < LEVELS.length; depth++) {
            List<TreeNode> next = new ArrayList<>();
            for (TreeNode parent : level) {
                for (int i = 0; i < (depth == 1 ? 12 : 4) && made < 1000; i++, made++) {
                    TreeNode child = new TreeNode(parent.name + "." + i);
                    parent.children.add(child);
                    next.add(child);
                }
            }
            level = next;
        }
        return root;
    }

    /** Each node's name with its parent's, as the database holds them. */
    private Set<List<Object>> parentPairs() {
        return new HashSet<>(rows("SELECT c.name, p.name FROM tree_nodes c LEFT JOIN tree_nodes p ON p.id = c.parent_id"));
    }

    private static Set<List<Object>> expectedPairs(TreeNode node, Set<List<Object>> out) {
        out.add(Arrays.asList(node.name, node.parent.get() == null ? null : node.parent.get().name));
        for (TreeNode child : node.children) expectedPairs(child, out);
        return out;
    }

    /** The INSERT of {@code rows} tree nodes: one row alone, more as one batch (after their keys, on PostgreSQL). */
    private String insertLevel(int rows) {
        if (postgres()) {
            return "INSERT INTO tree_nodes (id, name, parent_id) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[])";
        }
        return insertRows("tree_nodes", rows, "name, parent_id", "$1, $2", "id, name, parent_id", "bigint, text, bigint").get(0);
    }

    /** The DELETE of one level's {@code rows} tree nodes by key: one row alone, more as one batch. */
    private String deleteLevel(int rows) {
        return rows == 1 ? "DELETE FROM tree_nodes WHERE id = $1" : deleteRows("tree_nodes", rows).get(0);
    }

    private String allocateKeys() {
        return insertRows("tree_nodes", 2, "name, parent_id", "$1, $2", "id, name, parent_id", "bigint, text, bigint").get(0);
    }

    @Test
    void aThousandNodeTreeIsInsertedWithOneStatementPerLevel() {
        TreeNode root = tree();
        StepVerifier.create(mapper.inTransactionMono(s -> s.add(root).thenReturn(root)))
                .assertNext(r -> assertThat(r.id).isNotNull())
                .verifyComplete();

        List<String> expected = new ArrayList<>();
        if (postgres()) expected.add(allocateKeys()); // every level's keys in one statement
        for (int rows : LEVELS) expected.add(insertLevel(rows));
        assertThat(recorder().statements()).containsExactlyElementsOf(expected);
        assertThat(count("tree_nodes")).isEqualTo(1000);
        assertThat(parentPairs()).isEqualTo(expectedPairs(root, new HashSet<>()));
        // objects got their own rows' keys, and their parents' keys
        TreeNode leaf = root.children.get(0).children.get(0).children.get(0).children.get(0);
        assertThat(rows("SELECT name, parent_id FROM tree_nodes WHERE id = " + leaf.id))
                .containsExactly(List.of(leaf.name, leaf.parent.get().id));
        assertThat(leaf.parentId).isEqualTo(leaf.parent.get().id);
    }

    @Test
    void anOrphanedSubtreeIsDeletedDeepestLevelFirst() {
        mapper.inTransactionMono(s -> s.add(tree())).block(TIMEOUT);
        recorder().clear();
        // r0 = root.0 and its 84 descendants, four levels: 1 + 4 + 16 + 64
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(TreeNode.class).where(TreeNode_.name.eq("root"))
                        .options(Loads.selectin(TreeNode_.children, TreeNode_.children, TreeNode_.children,
                                TreeNode_.children, TreeNode_.children))
                        .one()
                        .flatMap(root -> {
                            root.children.remove(0);
                            return s.flush().thenReturn(root.children.size());
                        })))
                .expectNext(11)
                .verifyComplete();

        List<String> deletes = recorder().statements().stream().filter(sql -> sql.startsWith("DELETE")).toList();
        assertThat(recorder().statements()).endsWith(deletes.toArray(String[]::new)); // nothing after the deletes
        assertThat(deletes).containsExactly(
                deleteLevel(64),
                deleteLevel(16),
                deleteLevel(4),
                deleteLevel(1));
        assertThat(count("tree_nodes")).isEqualTo(1000 - 85);
        assertThat(value("SELECT COUNT(*) FROM tree_nodes WHERE name = 'root.0' OR name LIKE 'root.0.%'")).isEqualTo(0L);
        assertThat(value("SELECT COUNT(*) FROM tree_nodes WHERE name LIKE 'root.1.%'")).isEqualTo(84L);
    }

    @Test
    void aFailedLevelRollsTheWholeSubtreeDeleteBack() {
        mapper.inTransactionMono(s -> s.add(tree())).block(TIMEOUT);
        recorder().clear();
        recorder().failNextMatching("DELETE FROM tree_nodes WHERE id = $1"); // the last level: root.0 alone
        TreeNode[] held = new TreeNode[1];
        StepVerifier.create(mapper.inTransactionMono(s -> s.select(TreeNode.class).where(TreeNode_.name.eq("root"))
                        .options(Loads.selectin(TreeNode_.children, TreeNode_.children, TreeNode_.children,
                                TreeNode_.children, TreeNode_.children))
                        .one()
                        .flatMap(root -> {
                            held[0] = root.children.remove(0);
                            return s.flush().onErrorResume(e -> Mono.fromCallable(() -> s.contains(held[0]))
                                    .flatMap(stillThere -> Mono.error(new IllegalStateException(
                                            "flush failed; root.0 still in the session: " + stillThere, e))));
                        })))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("root.0 still in the session: true")
                        .hasStackTraceContaining(StatementRecorder.INJECTED_MESSAGE))
                .verify(TIMEOUT);
        List<String> deletes = recorder().statements().stream().filter(sql -> sql.startsWith("DELETE")).toList();
        assertThat(deletes).containsExactly(deleteLevel(64), deleteLevel(16), deleteLevel(4), deleteLevel(1));
        assertThat(count("tree_nodes")).isEqualTo(1000); // the three levels deleted before it were rolled back
    }

    @Test
    void deletingTheRootDeletesTheWholeTreeLevelByLevel() {
        mapper.inTransactionMono(s -> s.add(tree())).block(TIMEOUT);
        recorder().clear();
        mapper.inTransactionMono(s -> s.select(TreeNode.class).where(TreeNode_.name.eq("root"))
                .options(Loads.selectin(TreeNode_.children, TreeNode_.children, TreeNode_.children,
                        TreeNode_.children, TreeNode_.children))
                .one().flatMap(s::delete)).block(TIMEOUT);
        List<String> deletes = recorder().statements().stream().filter(sql -> sql.startsWith("DELETE")).toList();
        assertThat(deletes).containsExactly(
                deleteLevel(747),
                deleteLevel(192),
                deleteLevel(48),
                deleteLevel(12),
                deleteLevel(1));
        assertThat(count("tree_nodes")).isZero();
    }

    private static List<Cycle.Department> departmentsWithHeads(int n) {
        List<Cycle.Department> departments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Cycle.Department d = new Cycle.Department("d" + i);
            Cycle.Staff head = new Cycle.Staff("s" + i);
            d.head.set(head);
            head.department.set(d);
            departments.add(d);
        }
        return departments;
    }

    @Test
    void thePostUpdatesClosingACycleGoAsOneStatement() {
        List<Cycle.Department> departments = departmentsWithHeads(20);
        mapper.inTransaction(s -> s.addAll(departments)).blockLast(TIMEOUT);

        List<String> expected = new ArrayList<>();
        expected.addAll(insertRows("staff", 20, "name, department_id", "$1, $2", "id, name, department_id", "bigint, text, bigint"));
        expected.addAll(insertRows("departments", 20, "name, head_id", "$1, $2", "id, name, head_id", "bigint, text, bigint"));
        if (mariadb()) {
            expected.addAll(java.util.Collections.nCopies(20, MARIADB_POST_UPDATE)); // no MERGE: one UPDATE per row
        } else {
            expected.add(postUpdate(20));
        }
        assertThat(recorder().statements()).containsExactlyElementsOf(expected);
        assertThat(rows("SELECT d.name, h.name FROM departments d JOIN staff h ON h.id = d.head_id AND h.department_id = d.id"))
                .hasSize(20).contains(List.of("d0", "s0"), List.of("d19", "s19"));
        for (Cycle.Department d : departments) {
            assertThat(d.head.get().departmentId).isEqualTo(d.id);
        }
    }

    @Test
    void aFailedPostUpdateWritesNothingAndLeavesTheObjectsUnsaved() {
        List<Cycle.Department> departments = departmentsWithHeads(3);
        recorder().failNextMatching(postgres() || mariadb() ? "UPDATE staff" : "MERGE INTO staff");
        StepVerifier.create(mapper.inTransaction(s -> s.addAll(departments)))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining(StatementRecorder.INJECTED_MESSAGE))
                .verify(TIMEOUT);
        assertThat(recorder().statements()).last().isEqualTo(mariadb() ? MARIADB_POST_UPDATE : postUpdate(3));
        assertThat(count("departments")).isZero();
        assertThat(count("staff")).isZero();
        for (Cycle.Department d : departments) {
            assertThat(d.id).isNull();
            assertThat(d.head.get().id).isNull();
            assertThat(d.head.get().departmentId).isNull();
        }
        // the same objects flush cleanly afterwards
        mapper.inTransaction(s -> s.addAll(departments)).blockLast(TIMEOUT);
        assertThat(value("SELECT COUNT(*) FROM staff h JOIN departments d ON d.id = h.department_id")).isEqualTo(3L);
    }

    /** MariaDB's post-update of one staff row (it has no MERGE and no UPDATE ... FROM VALUES). */
    private static final String MARIADB_POST_UPDATE = "UPDATE staff SET department_id = $1 WHERE id = $2";

    /** One UPDATE of many staff rows' department keys: over arrays on PostgreSQL, a MERGE over VALUES on H2. */
    private String postUpdate(int rows) {
        if (postgres()) {
            return "UPDATE staff SET department_id = braid_v.department_id FROM unnest($1::bigint[], $2::bigint[])"
                    + " AS braid_v (id, department_id) WHERE staff.id = braid_v.id";
        }
        StringBuilder values = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            values.append(row > 0 ? ", " : "").append("($").append(2 * row + 1).append(", $").append(2 * row + 2).append(')');
        }
        return "MERGE INTO staff USING (VALUES " + values + ") AS braid_v (id, department_id) ON staff.id = braid_v.id"
                + " WHEN MATCHED THEN UPDATE SET department_id = braid_v.department_id";
    }
}
