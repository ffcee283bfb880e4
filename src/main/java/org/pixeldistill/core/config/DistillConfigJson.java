package org.pixeldistill.core.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The YAML of the distill section: one key per distiller, bound to that distiller's settings
 * record through {@link DistillerKinds}, so the format stays what it was when the section was a
 * record with one component per distiller.
 */
final class DistillConfigJson {
    /**
     * The keys written even when off ({@code at: null}): the section held exactly these when config
     * hashes began to name cached teachers and sweep cells, and dropping one would change every
     * hash. Frozen: a distiller added later is written only when on, so adding it changes no hash.
     */
    static final List<String> WRITTEN_WHEN_OFF = List.of("kd", "at", "sp", "ickd", "dkd", "fitnet", "isrd", "feature");

    static final String TEACHER_CACHE = "teacher_cache";
    static final String CACHE_VIEWS = "cache_views";

    private DistillConfigJson() {}

    /** Writes every kind in registry order: its settings when on, null when off and frozen above. */
    static final class Writer extends JsonSerializer<DistillConfig> {
        @Override
        public void serialize(DistillConfig value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(value);
            for (DistillerKind<?> kind : DistillerKinds.ALL) {
                DistillerSettings on = value.get(kind.type());
                if (on != null) {
                    provider.defaultSerializeField(kind.name(), on, gen);
                } else if (WRITTEN_WHEN_OFF.contains(kind.name())) {
                    gen.writeNullField(kind.name());
                }
            }
            if (!value.cacheAtDefaults()) {
                // written only when set, so every config hash made before these keys stays the same
                gen.writeStringField(TEACHER_CACHE, value.teacherCache());
                gen.writeNumberField(CACHE_VIEWS, value.cacheViews());
            }
            gen.writeEndObject();
        }
    }

    /** Reads a mapping of distiller keys; unknown keys and wrong types fail with their path, as elsewhere. */
    static final class Reader extends JsonDeserializer<DistillConfig> {
        @Override
        public DistillConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = p.nextToken();
            } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
                return (DistillConfig) ctxt.handleUnexpectedToken(DistillConfig.class, p);
            }
            List<DistillerSettings> on = new ArrayList<>();
            String teacherCache = DistillConfig.CACHE_AUTO;
            int cacheViews = DistillConfig.DEFAULT_CACHE_VIEWS;
            for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
                String name = p.currentName();
                p.nextToken();
                Optional<DistillerKind<?>> kind = DistillerKinds.named(name);
                if (TEACHER_CACHE.equals(name)) {
                    // YAML 1.1 reads a bare off as false: that is what the user wrote
                    teacherCache = p.currentToken() == JsonToken.VALUE_FALSE ? DistillConfig.CACHE_OFF
                            : readValue(p, ctxt, String.class, name);
                } else if (CACHE_VIEWS.equals(name)) {
                    Integer views = readValue(p, ctxt, Integer.class, name);
                    cacheViews = views == null ? DistillConfig.DEFAULT_CACHE_VIEWS : views;
                } else if (kind.isEmpty()) {
                    ctxt.handleUnknownProperty(p, this, DistillConfig.class, name);
                } else if (p.currentToken() != JsonToken.VALUE_NULL) {
                    on.removeIf(s -> s.getClass() == kind.get().type()); // a repeated key: the last wins, as in a record
                    on.add(read(p, ctxt, kind.get(), name));
                }
            }
            return new DistillConfig(on, teacherCache, cacheViews);
        }

        private static <T> T readValue(JsonParser p, DeserializationContext ctxt, Class<T> type, String name)
                throws IOException {
            try {
                return ctxt.readValue(p, type);
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, DistillConfig.class, name);
            }
        }

        private static DistillerSettings read(JsonParser p, DeserializationContext ctxt, DistillerKind<?> kind,
                String name) throws IOException {
            try {
                return ctxt.readValue(p, kind.type());
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, DistillConfig.class, name);
            }
        }

        @Override
        public Collection<Object> getKnownPropertyNames() {
            List<Object> known = new ArrayList<>(DistillerKinds.names());
            known.add(TEACHER_CACHE);
            known.add(CACHE_VIEWS);
            return known;
        }
    }
}
