package dev.braid.reactive.joins;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;
import dev.braid.relation.RelatedList;

/** Issue 14 item 1's article: tags many-to-many, a category many-to-one. */
@Entity(table = "articles")
public class Article {
    @Id @Identity public Long id;
    @Column(nullable = false) public String title;
    @ForeignKey(entity = Category.class) public Long categoryId;

    @ManyToOne
    public final Reference<Category> category = Reference.of(this);

    @ManyToMany(table = "article_tags", column = "article_id", inverseColumn = "tag_id", backPopulates = "articles")
    public final RelatedList<Tag> tags = RelatedList.of(this);

    protected Article() {}

    public Article(String title) { this.title = title; }

    @Override
    public String toString() { return "Article(" + title + ")"; }
}
