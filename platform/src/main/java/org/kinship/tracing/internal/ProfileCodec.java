package org.kinship.tracing.internal;

import org.apache.lucene.util.BytesRef;
import org.kinship.tracing.PersonProfile;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Profiles stored in the index as JSON, so candidates can be scored without a database round trip. */
final class ProfileCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ProfileCodec() {
    }

    static byte[] encode(PersonProfile profile) {
        return MAPPER.writeValueAsBytes(profile);
    }

    static PersonProfile decode(BytesRef bytes) {
        return MAPPER.readValue(bytes.bytes, bytes.offset, bytes.length, PersonProfile.class);
    }
}
