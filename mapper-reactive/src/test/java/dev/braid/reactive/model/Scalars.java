package dev.braid.reactive.model;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Every type that can travel in an array bind, for batched inserts. */
@Entity(table = "scalars")
public class Scalars {
    @Id @Identity public Long id;
    public int primitiveInt;
    public Integer boxedInt;
    public short primitiveShort;
    public boolean flag;
    public String text;
    public BigDecimal amount;
    public double ratio;
    public UUID uuid;
    public Color color;
    public LocalDate day;
    public LocalDateTime localTime;
    public OffsetDateTime offsetTime;
    public Instant instant;
    @Version public int version;

    public Scalars() {}
}
