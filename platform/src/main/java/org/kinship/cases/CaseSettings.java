package org.kinship.cases;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and index behaviour of case files ({@code kinship.cases.*}).
 *
 * @param maxSectionSize        largest section data accepted ({@code KINSHIP_CASES_MAX_SECTION_SIZE})
 * @param maxAttachmentSize     largest attachment ({@code KINSHIP_CASES_MAX_ATTACHMENT_SIZE})
 * @param attachmentTypes       accepted attachment media types ({@code KINSHIP_CASES_ATTACHMENT_TYPES})
 * @param indexCommitInterval   how often the case index is made durable; entries stay marked pending in
 *                              MongoDB until then
 * @param rebuildIndexAtStart   rebuild the case index from MongoDB at every start
 *                              ({@code KINSHIP_CASES_REBUILD_INDEX_AT_START})
 */
@ConfigurationProperties("kinship.cases")
public record CaseSettings(
        @DefaultValue("256KB") DataSize maxSectionSize,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue({"image/jpeg", "image/png", "image/webp", "application/pdf", "audio/mpeg", "audio/ogg",
                "audio/mp4"}) List<String> attachmentTypes,
        @DefaultValue("1s") Duration indexCommitInterval,
        @DefaultValue("false") boolean rebuildIndexAtStart) {

    public CaseSettings {
        attachmentTypes = List.copyOf(attachmentTypes);
    }
}
