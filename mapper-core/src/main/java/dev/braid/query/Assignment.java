package dev.braid.query;

import dev.braid.core.internal.util.Require;
import org.jspecify.annotations.Nullable;

/**
 * One {@code SET} item of a bulk update ({@code select(Author.class).where(...).update(...)}), built with
 * {@link Updates#set} or {@link Updates#increment}. Values are bound as parameters, never rendered.
 */
public sealed interface Assignment permits Assignment.Set, Assignment.Increment {

    /**
     * The attribute the assignment writes.
     *
     * @return the attribute
     */
    Attribute<?, ?> attribute();

    /**
     * {@code column = value}; a null value writes SQL NULL.
     *
     * @param attribute the attribute written
     * @param value     the new value (bound as a parameter), or null for NULL
     */
    record Set(Attribute<?, ?> attribute, @Nullable Object value) implements Assignment {
        /**
         * Checks the attribute.
         *
         * @param attribute the attribute written
         * @param value     the new value, or null
         * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code attribute} is null
         */
        public Set { Require.nonNull(attribute, "attribute"); }
    }

    /**
     * {@code column = column + amount}, computed by the database (a NULL column stays NULL).
     *
     * @param attribute the numeric attribute changed
     * @param amount    what is added (negative to subtract), bound as a parameter
     */
    record Increment(Attribute<?, ?> attribute, Number amount) implements Assignment {
        /**
         * Checks the parts.
         *
         * @param attribute the numeric attribute changed
         * @param amount    what is added
         * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either is null
         */
        public Increment {
            Require.nonNull(attribute, "attribute");
            Require.nonNull(amount, "amount");
        }
    }
}
