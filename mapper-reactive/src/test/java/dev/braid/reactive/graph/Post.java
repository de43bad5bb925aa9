package dev.braid.reactive.graph;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

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
