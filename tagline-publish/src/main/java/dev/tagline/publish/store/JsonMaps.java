package dev.tagline.publish.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.util.Map;
import java.util.TreeMap;

/** String maps stored as JSON text columns (channel options, engine progress). */
final class JsonMaps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {
    };

    private JsonMaps() {
    }

    static String write(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serialises", e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new TaglineException("Corrupt JSON in the publish database: " + e.getOriginalMessage(),
                    "Restore the database from a backup or remove the affected row.", e);
        }
    }
}
