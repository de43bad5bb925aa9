package dev.braid.core.internal.plan.upsert;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Version;
import dev.braid.mapping.MappingRegistry;

/** Entities for upsert planning: generated keys with a unique name, assigned keys with a version, no unique key, a key and nothing else. */
final class UpsertModel {
    private UpsertModel() {}

    static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Label.class, Account.class, Note.class, Code.class).build();
    }

    @Entity(table = "labels")
    static class Label {
        @Id @Identity Long id;
        @Column(unique = true, nullable = false) String name;
        String note;

        Label() {}

        Label(String name, String note) {
            this.name = name;
            this.note = note;
        }
    }

    @Entity(table = "accounts")
    static class Account {
        @Id String code;
        @Column(unique = true, nullable = false) String email;
        Integer balance;
        @Version long version;

        Account() {}

        Account(String code, String email, Integer balance) {
            this.code = code;
            this.email = email;
            this.balance = balance;
        }
    }

    @Entity(table = "codes")
    static class Code {
        @Id String code;

        Code() {}

        Code(String code) { this.code = code; }
    }

    @Entity(table = "notes")
    static class Note {
        @Id @Identity Long id;
        String text;

        Note() {}
    }
}
