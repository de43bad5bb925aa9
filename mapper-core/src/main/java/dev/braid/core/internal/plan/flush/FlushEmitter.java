package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The emit half of planning a flush: turns {@link FlushCommands} into {@link WriteStep}s with one step
 * factory per statement kind, in this order: inserts (with key allocation), updates, the post-updates
 * that close cycles, link rows (deletes, then inserts), then the delete work. Executing them is the
 * reactive layer's job.
 */
final class FlushEmitter {
    private final InsertSteps inserts;
    private final UpdateSteps updates;
    private final PostUpdates postUpdates;
    private final LinkSteps links;
    private final DeleteSteps deletes;
    private final DetachSteps detaches;
    private final int batchLimit;

    FlushEmitter(InsertSteps inserts, UpdateSteps updates, PostUpdates postUpdates, LinkSteps links,
                 DeleteSteps deletes, DetachSteps detaches, int batchLimit) {
        this.inserts = inserts;
        this.updates = updates;
        this.postUpdates = postUpdates;
        this.links = links;
        this.deletes = deletes;
        this.detaches = detaches;
        this.batchLimit = batchLimit;
    }

    List<WriteStep> emit(FlushCommands commands, Deque<Runnable> undo) {
        List<WriteStep> steps = new ArrayList<>();
        ForeignKeySync sync = commands.sync();
        Consumer<EntityState> beforeRender = s -> sync.apply(s, undo);
        inserts.add(commands.insertBatches(), undo, beforeRender, steps);
        updates.add(commands.updates(), commands.updateGroups(), undo, beforeRender, steps);
        // Rows inserted before the row they reference (a cycle) get that key with an UPDATE afterwards.
        postUpdates.add(commands.postUpdates(), undo, beforeRender, steps);
        links.add(commands.linkDeletes(), false, steps);
        links.add(commands.linkInserts(), true, steps);
        for (FlushCommands.DeleteCommand command : commands.deletes()) {
            if (command instanceof FlushCommands.OwnerLinks c) {
                steps.add(links.linkDelete(c.relationship(), c.owner(), null));
            } else if (command instanceof FlushCommands.DetachChildren c) {
                steps.add(detaches.detachChildren(c.relationship(), c.parent(), undo));
            } else if (command instanceof FlushCommands.ChildrenByParentKeys c) {
                List<Object> keys = c.parentKeys();
                for (int from = 0; from < keys.size(); from += batchLimit) {
                    steps.add(deletes.deleteByParentKeys(c.relationship(),
                            List.copyOf(keys.subList(from, Math.min(keys.size(), from + batchLimit))), undo));
                }
            } else if (command instanceof FlushCommands.DeleteRows c) {
                List<EntityState> rows = c.rows();
                steps.add(rows.size() == 1 ? deletes.delete(rows.get(0), undo) : deletes.deleteBatch(rows, undo));
            }
        }
        return steps;
    }
}
