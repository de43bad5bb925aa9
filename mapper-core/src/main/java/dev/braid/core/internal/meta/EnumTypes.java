package dev.braid.core.internal.meta;

import dev.braid.dialect.ColumnType;
import dev.braid.dialect.SqlType;

import java.util.ArrayList;
import java.util.List;

/** Enums stored by ordinal, or as the database's enum type (values are the constants' names). */
final class EnumTypes {
    private EnumTypes() {}

    /** By ordinal, in an integer column; an ordinal no constant has fails naming the enum. */
    static ValueType ordinal(Class<?> enumClass) {
        Object[] constants = enumClass.getEnumConstants();
        return new ValueType(enumClass, ColumnType.INTEGER, Integer.class,
                v -> ((Enum<?>) v).ordinal(),
                v -> {
                    int ordinal = (Integer) v;
                    if (ordinal < 0 || ordinal >= constants.length) {
                        throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_CONVERSION, enumClass.getSimpleName() + " has no constant with ordinal "
                                + ordinal + " (it has " + constants.length + ")");
                    }
                    return constants[ordinal];
                });
    }

    /** As the database's enum type named {@code typeName}, labelled with the constants' names. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ValueType nativeEnum(Class<?> enumClass, String typeName) {
        List<String> labels = new ArrayList<>();
        for (Object constant : enumClass.getEnumConstants()) labels.add(((Enum<?>) constant).name());
        return new ValueType(enumClass, ColumnType.VARCHAR, String.class,
                v -> ((Enum<?>) v).name(),
                v -> Enum.valueOf((Class) enumClass, (String) v),
                new SqlType.NamedEnum(typeName, labels), null);
    }
}
