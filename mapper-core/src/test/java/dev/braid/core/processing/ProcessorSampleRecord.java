package dev.braid.core.processing;

import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Transient;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Entity
public record ProcessorSampleRecord(
        @Id UUID id,
        String title,
        BigDecimal price,
        boolean available,
        @Transient String display,
        List<String> tags) {
}
