package dev.braid.reactive.conduit;

import dev.braid.annotation.Cascade;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.Reference;
import dev.braid.relation.RelatedList;

/** An adjacency-list tree, loaded to any depth by a recursive common table or level by level by selectin. */
@Entity(table = "folders")
public class Folder {
    @Id @Identity public Long id;
    @Column(nullable = false, length = 40) public String name;
    @ForeignKey(entity = Folder.class) public Long parentId;

    @ManyToOne(backPopulates = "children")
    public final Reference<Folder> parent = Reference.of(this);

    @OneToMany(backPopulates = "parent", cascade = Cascade.ALL)
    public final RelatedList<Folder> children = RelatedList.of(this);

    protected Folder() {}

    public Folder(String name, Folder... children) {
        this.name = name;
        for (Folder child : children) this.children.add(child);
    }

    @Override
    public String toString() { return name; }
}
