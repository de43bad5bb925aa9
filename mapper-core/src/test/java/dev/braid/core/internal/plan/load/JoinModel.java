package dev.braid.core.internal.plan.load;

import dev.braid.annotation.LoadStrategy;
import dev.braid.mapping.MappingRegistry;
import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToMany;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.relation.Reference;
import dev.braid.relation.RelatedList;

/** Entities for the planner tests: articles (tags many-to-many, a category), baskets with a JOINED default. */
final class JoinModel {
    private JoinModel() {}

    static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Article.class, Tag.class, Category.class, Basket.class, Fruit.class).build();
    }

    @Entity(table = "articles")
    static class Article {
        @Id @Identity Long id;
        @Column(nullable = false) String title;
        @ForeignKey(entity = Category.class) Long categoryId;
        @ManyToOne final Reference<Category> category = Reference.of(this);
        @ManyToMany(table = "article_tags", column = "article_id", inverseColumn = "tag_id", backPopulates = "articles")
        final RelatedList<Tag> tags = RelatedList.of(this);

        Article() {}
    }

    @Entity(table = "tags")
    static class Tag {
        @Id @Identity Long id;
        @Column(nullable = false) String name;
        @ManyToMany(table = "article_tags", column = "tag_id", inverseColumn = "article_id", backPopulates = "tags")
        final RelatedList<Article> articles = RelatedList.of(this);

        Tag() {}
    }

    @Entity(table = "categories")
    static class Category {
        @Id @Identity Long id;
        @Column(nullable = false) String name;

        Category() {}
    }

    @Entity(table = "baskets")
    static class Basket {
        @Id @Identity Long id;
        String label;
        @OneToMany(backPopulates = "basket", load = LoadStrategy.JOINED)
        final RelatedList<Fruit> fruits = RelatedList.of(this);

        Basket() {}
    }

    @Entity(table = "fruits")
    static class Fruit {
        @Id @Identity Long id;
        String name;
        @ForeignKey(entity = Basket.class) Long basketId;
        @ManyToOne(backPopulates = "fruits") final Reference<Basket> basket = Reference.of(this);

        Fruit() {}
    }
}
