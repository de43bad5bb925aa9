package dev.braid.core.internal.meta;

import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the order, extra condition and view-only of one relationship against its target's attributes
 * and turns them into {@link RelationshipOptions} (the composite foreign key is the resolver's job).
 * Reports every problem against {@code Owner.attribute} with a fix.
 */
final class RelationOptionsResolver {
    private final List<MappingProblem> problems;

    RelationOptionsResolver(List<MappingProblem> problems) {
        this.problems = problems;
    }

    /** The options of {@code spec}, or null when a problem was reported. */
    @Nullable RelationshipOptions resolve(EntityMapping owner, RelationSpec spec, EntityMapping target,
                                          @Nullable RelationSpec reverse) { // reverse: what spec's backPopulates names
        int before = problems.size();
        RelationOptions o = spec.options();
        String name = owner.name() + "." + spec.attribute();
        List<RelationshipOptions.SortKey> order = new ArrayList<>();
        boolean collection = spec.kind() == RelationSpec.Kind.ONE_TO_MANY || spec.kind() == RelationSpec.Kind.MANY_TO_MANY;
        if ((!o.orderBy().isEmpty() || !o.order().isEmpty()) && !collection) {
            report(Kind.RELATIONSHIP_ORDER_INVALID, owner, spec, name + " has an order but is not a collection",
                    "order one-to-many or many-to-many collections only");
        } else if (!o.orderBy().isEmpty()) {
            parseOrder(owner, spec, target, order);
        } else {
            for (RelationOptions.Term term : o.order()) typedOrder(owner, spec, target, term, order);
        }
        List<RelationshipOptions.Condition> conditions = new ArrayList<>();
        if (!o.where().isEmpty()) {
            try {
                for (ConditionText.Term t : ConditionText.parse(o.where())) {
                    ColumnMapping column = column(owner, spec, target, t.attribute(), Kind.RELATIONSHIP_CONDITION_INVALID);
                    if (column != null) conditions.add(condition(column, t.operator(), t.literal() == null ? null
                            : ConditionText.convert(t.literal(), column)));
                }
            } catch (dev.braid.error.MapperException e) {
                report(Kind.RELATIONSHIP_CONDITION_INVALID, owner, spec, name + " has where = \"" + o.where()
                        + "\", which " + ConditionText.reason(e), "write terms like \"active = true AND rank >= 2\" over "
                        + target.name() + "'s attributes " + attributes(target));
            }
        }
        for (RelationOptions.Term t : o.conditions()) typedCondition(owner, spec, target, t, conditions);
        if (!conditions.isEmpty() && spec.kind() != RelationSpec.Kind.ONE_TO_MANY) {
            report(Kind.RELATIONSHIP_CONDITION_INVALID, owner, spec, name + " has an extra condition but is "
                    + spec.kind(), "put the condition on a one-to-many");
        } else if (!conditions.isEmpty() && !o.viewOnly()) {
            report(Kind.RELATIONSHIP_CONDITION_NOT_VIEW_ONLY, owner, spec, name + " has an extra condition, so"
                    + " objects added to it would not satisfy it by themselves", "declare it viewOnly");
        }
        if (o.viewOnly() && spec.backPopulates() != null) {
            report(Kind.RELATIONSHIP_CONDITION_NOT_VIEW_ONLY, owner, spec, name + " is view-only but names backPopulates = \""
                    + spec.backPopulates() + "\"", "remove backPopulates from a view-only relationship");
        }
        if (reverse != null && reverse.options().viewOnly()) {
            report(Kind.RELATIONSHIP_CONDITION_NOT_VIEW_ONLY, owner, spec, name + " has backPopulates = \""
                    + spec.backPopulates() + "\", which is view-only", "remove backPopulates, or name a writable relationship");
        }
        if (problems.size() > before) return null;
        return new RelationshipOptions(order, List.of(), conditions, o.viewOnly());
    }

    private void parseOrder(EntityMapping owner, RelationSpec spec, EntityMapping target,
                            List<RelationshipOptions.SortKey> order) {
        for (String term : spec.options().orderBy().split(",", -1)) {
            String[] words = term.trim().split("\\s+");
            String direction = words.length == 2 ? words[1].toUpperCase(Locale.ROOT) : "ASC";
            if (words[0].isEmpty() || words.length > 2 || !(direction.equals("ASC") || direction.equals("DESC"))) {
                report(Kind.RELATIONSHIP_ORDER_INVALID, owner, spec, owner.name() + "." + spec.attribute()
                        + " has orderBy = \"" + spec.options().orderBy() + "\", which cannot be read at '" + term.trim() + "'",
                        "write attribute names each with an optional ASC or DESC, separated by commas, e.g. \""
                                + target.idColumns().get(0).attribute() + " DESC\"");
                return;
            }
            ColumnMapping column = column(owner, spec, target, words[0], Kind.RELATIONSHIP_ORDER_INVALID);
            if (column != null) order.add(new RelationshipOptions.SortKey(column, direction.equals("DESC")));
        }
    }

    private void typedOrder(EntityMapping owner, RelationSpec spec, EntityMapping target, RelationOptions.Term term,
                            List<RelationshipOptions.SortKey> order) {
        if (term.entity() != target.type()) {
            report(Kind.RELATIONSHIP_ORDER_INVALID, owner, spec, owner.name() + "." + spec.attribute() + " is ordered by "
                    + (term.entity() == null ? term.attribute() : term.entity().getSimpleName() + "." + term.attribute())
                    + ", which is not an attribute of " + target.name(), "order by " + target.name()
                    + "'s attributes, e.g. " + target.name() + "_." + target.idColumns().get(0).attribute() + ".asc()");
            return;
        }
        ColumnMapping column = column(owner, spec, target, term.attribute(), Kind.RELATIONSHIP_ORDER_INVALID);
        if (column != null) order.add(new RelationshipOptions.SortKey(column, term.operator().equals("DESC")));
    }

    private void typedCondition(EntityMapping owner, RelationSpec spec, EntityMapping target, RelationOptions.Term term,
                                List<RelationshipOptions.Condition> out) {
        if (term.entity() != target.type()) {
            report(Kind.RELATIONSHIP_CONDITION_INVALID, owner, spec, owner.name() + "." + spec.attribute() + " has the"
                    + " condition " + (term.entity() == null ? term.attribute() : term.entity().getSimpleName() + "."
                    + term.attribute()) + ", which is not a comparison or null check on " + target.name(), "use "
                    + target.name() + "'s attributes: eq, ne, lt, le, gt, ge, isNull, isNotNull, and(...)");
            return;
        }
        ColumnMapping column = column(owner, spec, target, term.attribute(), Kind.RELATIONSHIP_CONDITION_INVALID);
        if (column != null) out.add(condition(column, term.operator(), term.value()));
    }

    private static RelationshipOptions.Condition condition(ColumnMapping column, String operator, @Nullable Object javaValue) {
        return new RelationshipOptions.Condition(column, operator, column.type().toDatabase(javaValue));
    }

    private @Nullable ColumnMapping column(EntityMapping owner, RelationSpec spec, EntityMapping target, String attribute, Kind kind) {
        Optional<ColumnMapping> column = target.attribute(attribute);
        if (column.isEmpty()) {
            report(kind, owner, spec, owner.name() + "." + spec.attribute() + " refers to " + target.name() + "." + attribute
                    + ", which is not a mapped attribute", "use one of " + attributes(target));
            return null;
        }
        return column.get();
    }

    private static List<String> attributes(EntityMapping target) {
        return target.columns().stream().map(ColumnMapping::attribute).toList();
    }

    private void report(Kind kind, EntityMapping owner, RelationSpec spec, String problem, String fix) {
        problems.add(new MappingProblem(kind, owner.name(), spec.attribute(), problem, fix));
    }
}
