package dev.braid.core.internal.meta;

import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;

import java.util.List;
import java.util.Map;

/** Checks a relationship's {@code backPopulates} against the reverse it names, reporting each mismatch with a fix. */
final class BackPopulatesCheck {
    private final Map<Class<?>, EntitySpec> specs;
    private final List<MappingProblem> problems;

    BackPopulatesCheck(Map<Class<?>, EntitySpec> specs, List<MappingProblem> problems) {
        this.specs = specs;
        this.problems = problems;
    }

    /** {@code reverse}: the relationship {@code spec.backPopulates()} names on the target, or null when there is none. */
    void check(EntityMapping owner, RelationSpec spec, EntityMapping target, RelationSpec reverse) {
        if (spec.backPopulates() == null) return;
        String name = owner.name() + "." + spec.attribute();
        if (reverse == null) {
            report(Kind.BACK_POPULATES_MISSING, owner, spec.attribute(), name + " has backPopulates = \""
                    + spec.backPopulates() + "\", but " + target.name() + " has no relationship named "
                    + spec.backPopulates(), "declare " + target.name() + "." + spec.backPopulates()
                    + " or correct the name; its relationships: "
                    + specs.get(target.type()).relations().stream().map(RelationSpec::attribute).toList());
            return;
        }
        if (reverse.target() != owner.type()) {
            report(Kind.BACK_POPULATES_WRONG_TARGET, owner, spec.attribute(), name + " has backPopulates = \""
                    + spec.backPopulates() + "\", but " + target.name() + "." + reverse.attribute() + " targets "
                    + (reverse.target() == null ? "nothing" : reverse.target().getSimpleName()) + ", not " + owner.name(),
                    "point backPopulates at a relationship to " + owner.name());
            return;
        }
        RelationSpec.Kind want = switch (spec.kind()) {
            case MANY_TO_ONE -> RelationSpec.Kind.ONE_TO_MANY;
            case ONE_TO_MANY -> RelationSpec.Kind.MANY_TO_ONE;
            default -> spec.kind();
        };
        if (reverse.kind() != want) {
            report(Kind.BACK_POPULATES_WRONG_KIND, owner, spec.attribute(), name + " is " + spec.kind()
                    + " but its backPopulates " + target.name() + "." + reverse.attribute() + " is " + reverse.kind(),
                    "the reverse of " + spec.kind() + " must be " + want);
            return;
        }
        if (reverse.backPopulates() != null && !reverse.backPopulates().equals(spec.attribute())) {
            report(Kind.BACK_POPULATES_MISMATCH, owner, spec.attribute(), name + " has backPopulates = \""
                    + spec.backPopulates() + "\", but " + target.name() + "." + reverse.attribute()
                    + " has backPopulates = \"" + reverse.backPopulates() + "\"", "make them name each other");
        }
    }

    private void report(Kind kind, EntityMapping owner, String attribute, String problem, String fix) {
        problems.add(new MappingProblem(kind, owner.name(), attribute, problem, fix));
    }
}
