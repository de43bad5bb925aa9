package dev.braid.reactive.graph;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.RelatedList;
import dev.braid.relation.Reference;

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
