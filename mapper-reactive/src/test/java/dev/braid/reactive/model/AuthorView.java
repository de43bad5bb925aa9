package dev.braid.reactive.model;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;

/** A read-only record projection of the authors table. */
@Entity(table = "authors")
public record AuthorView(@Id Long id, String name) {}
