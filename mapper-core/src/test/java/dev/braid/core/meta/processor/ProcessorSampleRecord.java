package dev.braid.core.meta.processor;

import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Transient;

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
