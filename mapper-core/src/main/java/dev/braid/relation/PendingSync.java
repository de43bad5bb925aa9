package dev.braid.relation;

import java.util.ArrayList;
import java.util.List;

/**
 * What an unbound wrapper could not sync because its reverse was unknown (a field without relationship
 * annotation, mapped by the fluent builder): whether it changed itself, and which wrappers of other
 * objects pointed here. Settled when the wrapper is bound to a registry's rule. Only new objects of
 * builder-mapped classes ever have one.
 */
final class PendingSync {
    /** The wrapper itself changed: at binding, its current contents are back-populated. */
    boolean changed;
    /** Wrappers (of other objects) that added or pointed at this wrapper's owner; parallel lists. */
    final List<Object> incomingOwners = new ArrayList<>(2);
    final List<Object> incomingWrappers = new ArrayList<>(2);

    void incoming(Object owner, Object wrapper) {
        for (int i = 0; i < incomingWrappers.size(); i++) {
            if (incomingWrappers.get(i) == wrapper) return;
        }
        incomingOwners.add(owner);
        incomingWrappers.add(wrapper);
    }
}
