package dev.braid.reactive.graph;

import dev.braid.core.meta.Cascade;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.RelatedList;
import dev.braid.core.relation.Reference;

/** An adjacency list whose children belong to their parent: saved, deleted and orphan-deleted with it. */
@Entity(table = "tree_nodes")
public class TreeNode {
    @Id @Identity public Long id;
    public String name;
    @ForeignKey(entity = TreeNode.class) public Long parentId;

    @ManyToOne(backPopulates = "children")
    public final Reference<TreeNode> parent = Reference.of(this);

    @OneToMany(backPopulates = "parent", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN})
    public final RelatedList<TreeNode> children = RelatedList.of(this);

    protected TreeNode() {}

    public TreeNode(String name) { this.name = name; }

    @Override
    public String toString() { return name; }
}
