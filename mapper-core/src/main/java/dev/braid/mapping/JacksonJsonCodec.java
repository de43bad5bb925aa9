package dev.braid.mapping;

import dev.braid.mapping.spi.JsonCodec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.core.internal.util.Require;

import java.lang.reflect.Type;

/**
 * The {@link JsonCodec} over a Jackson 2 {@code ObjectMapper} (an optional dependency:
 * {@code com.fasterxml.jackson.core:jackson-databind}). Braid uses one over
 * {@code new ObjectMapper().findAndRegisterModules()} when no codec is registered and Jackson is present.
 */
public final class JacksonJsonCodec implements JsonCodec {
    private final ObjectMapper mapper;

    /** A codec over {@code new ObjectMapper().findAndRegisterModules()} (Java time, ... when on the class path). */
    public JacksonJsonCodec() {
        this(new ObjectMapper().findAndRegisterModules());
    }

    /**
     * A codec over your configured mapper.
     *
     * @param mapper the object mapper (thread-safe once configured)
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code mapper} is null
     */
    public JacksonJsonCodec(ObjectMapper mapper) {
        this.mapper = Require.nonNull(mapper, "mapper");
    }

    @Override
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_CONVERSION, "JSON " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object read(String json, Type type) {
        try {
            return mapper.readValue(json, mapper.getTypeFactory().constructType(type));
        } catch (JsonProcessingException e) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_CONVERSION, "JSON " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() { return "JacksonJsonCodec"; }
}
