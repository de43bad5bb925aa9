package dev.braid.reactive.graph;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;

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
