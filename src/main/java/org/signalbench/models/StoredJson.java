package org.signalbench.models;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;

/** The JSON columns of the model tables (hyperparameters, library versions) and the final-model description. */
final class StoredJson {
    /** Instants are written and read as ISO-8601 text ("2026-12-05T10:00:00Z"), as the files always held them. */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("instants-as-text")
            .addSerializer(Instant.class, ToStringSerializer.instance)
            .addDeserializer(Instant.class, new StdScalarDeserializer<Instant>(Instant.class) {
                private static final long serialVersionUID = 1L;

                @Override
                public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    return Instant.parse(parser.getValueAsString());
                }
            }));

    private StoredJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code what} names the stored thing in the message ("run", "final model"). */
    static <T> T read(String text, TypeReference<T> type, String what) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + what + " JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
