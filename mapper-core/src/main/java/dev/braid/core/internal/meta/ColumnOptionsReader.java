package dev.braid.core.internal.meta;

import dev.braid.annotation.ClientDefault;
import dev.braid.annotation.CreatedAt;
import dev.braid.annotation.SequenceKey;
import dev.braid.annotation.ServerDefault;
import dev.braid.annotation.UpdatedAt;

import java.lang.reflect.Field;

/** Reads a field's sequence, default and timestamp annotations into {@link ColumnOptions}. */
final class ColumnOptionsReader {
    private ColumnOptionsReader() {}

    static ColumnOptions read(Field field) {
        SequenceKey sequence = field.getAnnotation(SequenceKey.class);
        ServerDefault server = field.getAnnotation(ServerDefault.class);
        ClientDefault client = field.getAnnotation(ClientDefault.class);
        boolean created = field.isAnnotationPresent(CreatedAt.class);
        boolean updated = field.isAnnotationPresent(UpdatedAt.class);
        if (sequence == null && server == null && client == null && !created && !updated) return ColumnOptions.NONE;
        ColumnOptions.Timestamp timestamp = created && updated ? ColumnOptions.Timestamp.BOTH
                : updated ? ColumnOptions.Timestamp.UPDATED
                : created ? ColumnOptions.Timestamp.CREATED : ColumnOptions.Timestamp.NONE;
        return new ColumnOptions(
                sequence == null ? null : sequence.name(),
                sequence == null ? 0 : sequence.allocationSize(),
                server == null ? null : server.value(),
                null,
                client == null || client.value() == ClientDefault.None.class ? null : client.value(),
                client == null || client.method().isEmpty() ? (client != null && client.value() == ClientDefault.None.class ? "" : null)
                        : client.method(),
                timestamp);
    }
}
