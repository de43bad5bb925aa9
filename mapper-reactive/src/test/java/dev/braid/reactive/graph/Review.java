package dev.braid.reactive.graph;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

@Entity(table = "reviews")
public class Review {
    @Id @Identity public Long id;
    public int stars;
    @ForeignKey(entity = Novel.class) public Long bookId;

    @ManyToOne(backPopulates = "reviews")
    public final Reference<Novel> book = Reference.of(this);

    protected Review() {}

    public Review(int stars) { this.stars = stars; }
}
