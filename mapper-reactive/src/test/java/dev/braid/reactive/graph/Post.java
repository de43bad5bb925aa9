package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Column;
import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.relation.Reference;

@Entity(table = "posts")
public class Post {
    @Id @Identity public Long id;
    public String title;
    public String content;
    @ForeignKey(entity = Member.class) @Column(nullable = false) public Long userId;

    @ManyToOne(backPopulates = "posts")
    public final Reference<Member> author = Reference.of(this);

    protected Post() {}

    public Post(String title) { this.title = title; }
}
