package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.meta.annotation.OneToMany;
import dev.braid.core.relation.RelatedList;
import dev.braid.core.relation.Reference;

/** An adjacency list. */
@Entity(table = "nodes")
public class Node {
    @Id @Identity public Long id;
    public String name;
    @ForeignKey(entity = Node.class) public Long parentId;

    @ManyToOne(backPopulates = "children")
    public final Reference<Node> parent = Reference.of(this);

    @OneToMany(backPopulates = "parent")
    public final RelatedList<Node> children = RelatedList.of(this);

    protected Node() {}

    public Node(String name) { this.name = name; }

    @Override
    public String toString() { return name; }
}
