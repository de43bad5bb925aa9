package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.relation.Reference;

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
