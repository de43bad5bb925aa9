package dev.braid.benchmarks.model;

import java.util.ArrayList;
import java.util.List;

/** The hand-written baseline's plain objects: what a careful programmer maps rows into by hand. */
public final class Rows {
    private Rows() {}

    public static final class PlainBook {
        public final long id;
        public final String title;
        public final long authorId;

        public PlainBook(long id, String title, long authorId) {
            this.id = id;
            this.title = title;
            this.authorId = authorId;
        }
    }

    public static final class PlainAuthor {
        public long id;
        public final String name;
        public final List<PlainBook> books = new ArrayList<>();

        public PlainAuthor(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    public static final class PlainGroup {
        public final long id;
        public final String name;

        public PlainGroup(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    public static final class PlainUser {
        public final long id;
        public final String username;
        public final List<PlainGroup> groups = new ArrayList<>();

        public PlainUser(long id, String username) {
            this.id = id;
            this.username = username;
        }
    }
}
