package dev.braid.reactive.typed;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Json;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JSON documents and arrays. */
@Entity(table = "profiles")
public class Profile {
    @Id public long id;
    @Json public Settings settings;
    @Json public Map<String, Object> extra;
    public String[] tags;
    public List<String> labels;
    public int[] scores;
    public UUID[] refs;

    public Profile() {}

    /** A record serialised by Jackson. */
    public record Settings(String theme, int fontSize, List<String> plugins) {}
}
