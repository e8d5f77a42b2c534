package org.signalbench.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON columns of the model tables (hyperparameters, library versions). */
final class StoredJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

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
