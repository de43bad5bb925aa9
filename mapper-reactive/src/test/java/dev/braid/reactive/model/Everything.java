package dev.braid.reactive.model;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One column of every supported type, for round trips. */
@Entity(table = "everything")
public class Everything {
    @Id public long id;
    public int primitiveInt;
    public Integer boxedInt;
    public Long boxedLong;
    public short primitiveShort;
    public Short boxedShort;
    public boolean primitiveBoolean;
    public Boolean boxedBoolean;
    public String text;
    public BigDecimal amount;
    public double primitiveDouble;
    public Double boxedDouble;
    public UUID uuid;
    public Color color;
    public LocalDate day;
    public LocalDateTime localTime;
    public OffsetDateTime offsetTime;
    public Instant instant;
    public byte[] bytes;

    public Everything() {}
}
