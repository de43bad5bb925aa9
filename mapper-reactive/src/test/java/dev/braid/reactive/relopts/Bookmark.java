package dev.braid.reactive.relopts;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

@Entity(table = "ro_bookmarks")
public class Bookmark {
    @Id @Identity public Long id;
    public int page;
    @ForeignKey(entity = Reader.class) @Column(nullable = false) public Long readerId;

    @ManyToOne(backPopulates = "bookmarks")
    public final Reference<Reader> reader = Reference.of(this);

    protected Bookmark() {}

    public Bookmark(int page) { this.page = page; }

    @Override
    public String toString() { return "p" + page; }
}
