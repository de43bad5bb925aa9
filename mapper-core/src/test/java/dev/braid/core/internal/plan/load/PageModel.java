package dev.braid.core.internal.plan.load;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.annotation.OneToMany;
import dev.braid.annotation.Version;
import dev.braid.mapping.MappingRegistry;
import dev.braid.relation.Reference;
import dev.braid.relation.RelatedList;

import java.time.LocalDate;

/** Entities for keyset and bulk update planning: posts (non-null, nullable, unique and version columns) by blogs. */
final class PageModel {
    private PageModel() {}

    static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Blog.class, Post.class).build();
    }

    @Entity(table = "blogs")
    static class Blog {
        @Id @Identity Long id;
        @Column(nullable = false) String name;
        @OneToMany(backPopulates = "blog") final RelatedList<Post> posts = RelatedList.of(this);

        Blog() {}
    }

    @Entity(table = "posts")
    static class Post {
        @Id @Identity Long id;
        @Column(nullable = false) String title;
        @Column(nullable = false) LocalDate published;
        Integer score;
        @Column(unique = true, nullable = false) String slug;
        @ForeignKey(entity = Blog.class) Long blogId;
        @ManyToOne(backPopulates = "posts") final Reference<Blog> blog = Reference.of(this);
        @Version long version;

        Post() {}

        Post(Long id, String title, LocalDate published, String slug) {
            this.id = id;
            this.title = title;
            this.published = published;
            this.slug = slug;
        }
    }
}
