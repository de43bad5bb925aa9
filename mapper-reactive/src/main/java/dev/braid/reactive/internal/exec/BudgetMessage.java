package dev.braid.reactive.internal.exec;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import dev.braid.statement.StatementOrigin.Kind;

import java.util.Map;

/**
 * The {@code BRAID_BUDGET} error of a refused statement: the budget, what the session sent so far grouped by
 * origin, the statement that was refused (origin and SQL), and the fix: the load option when the refused
 * statement repeats an explicit load of one relationship (the N+1 pattern), else a generic one.
 */
final class BudgetMessage {
    private BudgetMessage() {}

    static MapperException exceeded(int limit, String source, Map<StatementOrigin, Integer> sent, RenderedSql refused,
                                     boolean explicitLoad) {
        StatementOrigin origin = refused.origin();
        StringBuilder out = new StringBuilder("Statement budget exceeded: the session may send ").append(limit)
                .append(limit == 1 ? " statement" : " statements").append(" (").append(source).append(") and has sent ")
                .append(limit);
        if (!sent.isEmpty()) {
            out.append(": ");
            boolean first = true;
            for (Map.Entry<StatementOrigin, Integer> entry : sent.entrySet()) {
                out.append(first ? "" : ", ").append(describe(entry.getKey(), entry.getValue()));
                first = false;
            }
        }
        out.append(". The next statement (").append(describe(origin, 1).substring(2)).append(") was not sent: ")
                .append(refused.sql()).append(". ");
        Integer repeated = sent.get(origin);
        String relationship = origin.relationship();
        if (origin.kind() == Kind.RELATIONSHIP_LOAD && relationship != null && explicitLoad && repeated != null) {
            String option = metamodel(relationship);
            out.append("One load of ").append(relationship).append(" per object is the N+1 pattern. Fix: load ")
                    .append(relationship).append(" for all the objects at once: with the query that reads them,")
                    .append(" .options(Loads.selectin(").append(option).append(")), or afterwards with one")
                    .append(" session.load(objects, ").append(option).append(")");
        } else {
            out.append("Fix: read what the work needs in fewer statements (one query for many rows, relationships")
                    .append(" loaded with the query: .options(Loads.selectin(...)), instead of a statement per object)");
        }
        return new MapperException(ErrorCode.BRAID_BUDGET, out.append("; or, if the work needs more statements, raise")
                .append(" the budget (session.budget(n), StatementBudget.perSession(n),")
                .append(" MapperBuilder.statementBudget(n))").toString());
    }

    // "41 relationship loads of Author.books", "1 query of Author", "2 INSERTs of Book".
    static String describe(StatementOrigin origin, int count) {
        String noun = switch (origin.kind()) {
            case QUERY -> count == 1 ? "query" : "queries";
            case PROJECTION -> "projection";
            case COUNT -> "count";
            case EXISTS -> "exists check";
            case RELATIONSHIP_LOAD -> "relationship load";
            case CURSOR -> "cursor statement";
            case BULK_DELETE -> "bulk delete";
            case BULK_UPDATE -> "bulk update";
            case RAW_SQL -> "raw SQL statement";
            case UPSERT -> "upsert";
            case LINK -> "link statement";
            case INSERT -> "INSERT";
            case UPDATE -> "UPDATE";
            case DELETE -> "DELETE";
            case LINK_INSERT -> "link INSERT";
            case LINK_DELETE -> "link DELETE";
            case ALLOCATE_IDS -> "key allocation";
            case SCHEMA -> "DDL statement";
            case SESSION -> "session setting";
            case UNKNOWN -> "other statement";
        };
        if (count != 1 && origin.kind() != Kind.QUERY) noun += "s";
        String of = origin.relationship() != null ? origin.relationship()
                : origin.entity() != null ? origin.entity().getSimpleName() : null;
        return count + " " + noun + (of == null ? "" : " of " + of);
    }

    // "Author.books" -> "Author_.books": the processor's metamodel constant.
    private static String metamodel(String relationship) {
        int dot = relationship.lastIndexOf('.');
        return dot < 0 ? relationship : relationship.substring(0, dot) + "_" + relationship.substring(dot);
    }
}
