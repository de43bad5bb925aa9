package dev.braid.core.internal.plan.flush;

/**
 * A child's parent through a loaded one-to-many collection (or reverse one-to-one): the child's
 * foreign key takes the parent's key.
 */
record ParentLink(Object parent, OneToManyDP processor) {}
