package dev.braid.core.internal.util;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared sort: dependencies first, stable on the given order, levels, and cycles reported. */
class TopologicalSortTest {

    @Test
    void dependenciesComeFirstAndUnrelatedNodesKeepTheirOrder() {
        // books -> authors, reviews -> books, tags alone
        Map<String, List<String>> deps = Map.of("reviews", List.of("books"), "books", List.of("authors"),
                "authors", List.of(), "tags", List.of());
        TopologicalSort.Sorted<String> sorted = TopologicalSort.sort(List.of("reviews", "tags", "books", "authors"), deps::get);
        assertThat(sorted.order()).containsExactly("authors", "books", "reviews", "tags");
        assertThat(sorted.cycles()).isEmpty();
    }

    @Test
    void isStableOnTheGivenOrder() {
        Map<String, List<String>> none = Map.of("a", List.of(), "b", List.of(), "c", List.of());
        assertThat(TopologicalSort.sort(List.of("c", "a", "b"), none::get).order()).containsExactly("c", "a", "b");
        assertThat(TopologicalSort.sort(List.of("b", "c", "a"), none::get).order()).containsExactly("b", "c", "a");
    }

    @Test
    void dependenciesOutsideTheNodesAreIgnored() {
        Map<String, List<String>> deps = Map.of("a", List.of("elsewhere"), "b", List.of("a"));
        assertThat(TopologicalSort.sort(List.of("b", "a"), deps::get).order()).containsExactly("a", "b");
    }

    @Test
    void aCycleIsReportedByTheEdgeThatClosedItAndEveryNodeIsStillOrdered() {
        // a -> b -> c -> a, and d -> a
        Map<String, List<String>> deps = Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"), "d", List.of("a"));
        TopologicalSort.Sorted<String> sorted = TopologicalSort.sort(List.of("a", "b", "c", "d"), deps::get);
        assertThat(sorted.order()).containsExactly("c", "b", "a", "d");
        assertThat(sorted.cycles()).containsExactly(List.of("c", "a"));
    }

    @Test
    void levelsAreOneBelowTheDeepestDependency() {
        // 0 <- 1 <- 2, 0 <- 3, and 4 depends on 2 and 3
        int[][] deps = {{}, {0}, {1}, {0}, {2, 3}};
        TopologicalSort.Result result = TopologicalSort.sort(5, i -> deps[i]);
        assertThat(result.levels()).containsExactly(0, 1, 2, 1, 3);
        assertThat(result.order()).containsExactly(0, 1, 2, 3, 4);
        assertThat(result.deepest()).isEqualTo(3);
        assertThat(result.cycles()).isEmpty();
    }

    @Test
    void aCycleEdgeDoesNotCountForTheLevels() {
        int[][] deps = {{1}, {0}};
        TopologicalSort.Result result = TopologicalSort.sort(2, i -> deps[i]);
        assertThat(result.levels()).containsExactly(1, 0);
        assertThat(result.cycles()).hasSize(1);
        assertThat(result.cycles().get(0)).containsExactly(1, 0);
    }

    @Test
    void aLongChainNeedsNoRecursion() {
        int n = 200_000;
        TopologicalSort.Result result = TopologicalSort.sort(n, i -> i + 1 < n ? new int[]{i + 1} : new int[0]);
        assertThat(result.order()[0]).isEqualTo(n - 1);
        assertThat(result.order()[n - 1]).isZero();
        assertThat(result.levels()[0]).isEqualTo(n - 1);
    }
}
