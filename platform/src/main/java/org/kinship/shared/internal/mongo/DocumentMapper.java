package org.kinship.shared.internal.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Maps records to BSON documents and back with Jackson. A record's {@code id} is the document's
 * {@code _id}; instants are stored as BSON dates so that MongoDB can compare and index them.
 */
@Component
public class DocumentMapper {

    private static final TypeRefMap MAP_TYPE = new TypeRefMap();

    private final JsonMapper mapper;

    public DocumentMapper() {
        SimpleModule bson = new SimpleModule("kinship-bson")
                .addSerializer(Instant.class, new InstantAsDate())
                .addSerializer(Date.class, new DateAsEmbedded())
                .addDeserializer(Instant.class, new InstantFromDate());
        this.mapper = JsonMapper.builder()
                .addModule(bson)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public Document toDocument(Object value) {
        Map<String, Object> map = mapper.convertValue(value, MAP_TYPE);
        Document document = new Document();
        Object id = map.remove("id");
        if (id != null) {
            document.put("_id", id);
        }
        document.putAll(map);
        return document;
    }

    public <T> T fromDocument(Document document, Class<T> type) {
        Map<String, Object> map = new LinkedHashMap<>(document);
        Object id = map.remove("_id");
        if (id != null) {
            map.put("id", id.toString());
        }
        return mapper.convertValue(map, type);
    }

    /** Converts a value for use inside a query or an update (same rules as whole documents). */
    public Object toBsonValue(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        return mapper.convertValue(value, Object.class);
    }

    private static final class TypeRefMap extends tools.jackson.core.type.TypeReference<Map<String, Object>> {
    }

    private static final class InstantAsDate extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeEmbeddedObject(Date.from(value));
        }
    }

    private static final class DateAsEmbedded extends ValueSerializer<Date> {
        @Override
        public void serialize(Date value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeEmbeddedObject(value);
        }
    }

    private static final class InstantFromDate extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof Date date) {
                return date.toInstant();
            }
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(p.getLongValue());
            }
            return Instant.parse(p.getString());
        }
    }
}
