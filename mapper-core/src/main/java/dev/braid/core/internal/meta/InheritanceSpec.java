package dev.braid.core.internal.meta;

import dev.braid.annotation.InheritanceStrategy;

/**
 * What one class declared about inheritance, before validation: the base of a hierarchy names its strategy
 * and discriminator column; any class may name its discriminator value.
 *
 * @param strategy            the hierarchy's strategy on its base, null on a subclass
 * @param discriminatorColumn the discriminator column on the base, null on a subclass
 * @param discriminatorLength the discriminator column's length
 * @param discriminatorValue  the class's value, or null for the default (the simple name in lower case)
 * @param declaredEntity      false for an annotated class without {@code @Entity} (reported in a hierarchy)
 */
public record InheritanceSpec(InheritanceStrategy strategy, String discriminatorColumn, int discriminatorLength,
                              String discriminatorValue, boolean declaredEntity) {
    /** Nothing declared: a class outside any hierarchy, or a subclass taking the default value. */
    public static final InheritanceSpec NONE = new InheritanceSpec(null, null, 0, null, true);

    /** True for the base of a hierarchy. */
    public boolean isBase() {
        return strategy != null;
    }
}
