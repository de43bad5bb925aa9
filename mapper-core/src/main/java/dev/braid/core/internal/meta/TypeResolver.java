package dev.braid.core.internal.meta;

import dev.braid.annotation.EnumStorage;
import dev.braid.error.MappingProblem;
import dev.braid.error.MappingProblem.Kind;
import dev.braid.mapping.spi.JsonCodec;
import dev.braid.mapping.spi.ValueConverter;

import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * Decides how one attribute's values are stored: its converter (the attribute's own, else the registry's
 * for its type), JSON, an enum storage, the catalogue's scalar types, or an array; reports what cannot
 * work, naming {@code Class.attribute} and the fix.
 */
final class TypeResolver {
    private final TypeSettings settings;
    private final List<MappingProblem> problems;

    TypeResolver(TypeSettings settings, List<MappingProblem> problems) {
        this.settings = settings;
        this.problems = problems;
    }

    /** The attribute's value type, or null after reporting why there is none. */
    ValueType resolve(String entity, ColumnSpec column, Field field) {
        String attribute = column.attribute();
        String qualified = entity + "." + attribute;
        TypeOptions options = column.typing();
        Class<?> javaType = field.getType();
        if (options.conflicting()) {
            report(Kind.TYPE_OPTIONS_CONFLICT, entity, attribute, qualified + " declares more than one way of storing"
                    + " its values (a converter, JSON, an enum storage)", "keep one of @Convert, @Json and @Enumerated"
                    + " (.converter, .json, .enumerated in an EntityDefinition)");
            return null;
        }
        ValueConverter<?, ?> converter = options.converter() != null ? options.converter()
                : options.converterClass() != null ? instantiate(entity, attribute, options.converterClass())
                : options.json() || options.enumStorage() != null ? null : settings.converters().get(Boxing.boxed(javaType));
        if (options.converterClass() != null && converter == null) return null;
        if (converter != null) return converted(entity, attribute, javaType, converter);
        if (options.json()) return json(entity, attribute, javaType, field.getGenericType());
        if (options.enumStorage() != null) return enumerated(entity, attribute, javaType, options);
        ValueType type = ValueTypes.forClass(javaType).or(() -> ArrayTypes.forField(field)).orElse(null);
        if (type == null) {
            boolean array = ArrayTypes.looksLikeArray(field.getGenericType());
            report(Kind.UNSUPPORTED_TYPE, entity, attribute, qualified + " has type " + field.getGenericType().getTypeName()
                    + ", which is not a supported column type. Supported: " + ValueTypes.supportedTypeNames()
                    + (array ? "; arrays and Lists of " + ArrayTypes.elementNames() : ""),
                    "change its type, store it with a converter (@Convert / .converter(...)) or as JSON (@Json / .json()),"
                            + " or mark it @Transient");
        }
        return type;
    }

    private ValueType converted(String entity, String attribute, Class<?> javaType, ValueConverter<?, ?> converter) {
        String qualified = entity + "." + attribute;
        Class<?> declared = converter.javaType();
        if (declared == null || !declared.isAssignableFrom(Boxing.boxed(javaType))) {
            report(Kind.CONVERTER_INVALID, entity, attribute, qualified + " has type " + javaType.getName() + " but its"
                    + " converter " + converter + " converts " + (declared == null ? "null" : declared.getName()),
                    "use a converter whose javaType() is " + javaType.getSimpleName());
            return null;
        }
        Class<?> stored = converter.databaseType();
        ValueType base = stored == null ? null : ValueTypes.forClass(stored).orElse(null);
        if (base == null) {
            report(Kind.CONVERTER_INVALID, entity, attribute, qualified + "'s converter " + converter + " stores "
                    + (stored == null ? "null" : stored.getName()) + ", which is not a supported column type."
                    + " Supported: " + ValueTypes.supportedTypeNames(), "make databaseType() one of them");
            return null;
        }
        @SuppressWarnings("unchecked")
        ValueConverter<Object, Object> c = (ValueConverter<Object, Object>) converter;
        return base.convertedBy(javaType, c::toDatabase, c::fromDatabase);
    }

    private ValueConverter<?, ?> instantiate(String entity, String attribute, Class<?> converterClass) {
        try {
            var constructor = converterClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object converter = constructor.newInstance();
            if (converter instanceof ValueConverter<?, ?> valueConverter) return valueConverter;
            report(Kind.CONVERTER_INVALID, entity, attribute, entity + "." + attribute + "'s @Convert class "
                    + converterClass.getName() + " is not a ValueConverter", "name a class implementing"
                    + " dev.braid.mapping.spi.ValueConverter");
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            report(Kind.CONVERTER_INVALID, entity, attribute, entity + "." + attribute + "'s converter "
                    + converterClass.getName() + " cannot be instantiated (" + e + ")", "give it a no-arg constructor"
                    + " (and open its package to dev.braid.core), or register an instance with .converter(...) in an"
                    + " EntityDefinition");
            return null;
        }
    }

    private ValueType json(String entity, String attribute, Class<?> javaType, Type genericType) {
        JsonCodec codec = settings.jsonCodec();
        if (codec == null) {
            report(Kind.JSON_CODEC_MISSING, entity, attribute, entity + "." + attribute + " is stored as JSON, but no"
                    + " JSON codec is registered and Jackson is not on the class path", "add the dependency"
                    + " com.fasterxml.jackson.core:jackson-databind, or register a codec with"
                    + " MappingRegistry.builder().jsonCodec(...)");
            return null;
        }
        return JsonTypes.of(javaType, genericType, codec);
    }

    private ValueType enumerated(String entity, String attribute, Class<?> javaType, TypeOptions options) {
        if (!javaType.isEnum()) {
            report(Kind.ENUM_STORAGE_NOT_ENUM, entity, attribute, entity + "." + attribute + " has an enum storage ("
                    + options.enumStorage() + ") but type " + javaType.getName() + ", which is not an enum",
                    "remove @Enumerated (.enumerated(...)), or make the attribute an enum");
            return null;
        }
        if (options.enumStorage() == EnumStorage.ORDINAL) return EnumTypes.ordinal(javaType);
        if (options.enumStorage() == EnumStorage.NATIVE) {
            String name = options.enumTypeName() == null || options.enumTypeName().isBlank()
                    ? Names.snakeCase(javaType.getSimpleName()) : options.enumTypeName();
            return EnumTypes.nativeEnum(javaType, name);
        }
        return ValueTypes.forClass(javaType).orElseThrow();
    }

    private void report(Kind kind, String entity, String attribute, String problem, String fix) {
        problems.add(new MappingProblem(kind, entity, attribute, problem, fix));
    }

    @Override
    public String toString() { return "TypeResolver" + Objects.toString(settings); }
}
