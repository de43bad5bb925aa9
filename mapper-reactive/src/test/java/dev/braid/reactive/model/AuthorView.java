package dev.braid.reactive.model;

import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;

/** A read-only record projection of the authors table. */
@Entity(table = "authors")
public record AuthorView(@Id Long id, String name) {}
