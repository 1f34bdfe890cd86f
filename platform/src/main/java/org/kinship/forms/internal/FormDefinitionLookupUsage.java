package org.kinship.forms.internal;

import java.util.stream.Stream;

import org.kinship.forms.FormDraft;
import org.kinship.forms.FormSchema;
import org.kinship.forms.FormVersion;
import org.kinship.forms.LookupUsage;
import org.springframework.stereotype.Component;

/**
 * The forms feature's answer to "is this lookup value used?": yes when a draft or a published version
 * has it as the default of a field using the lookup, or quotes it in a condition or calculation. Data is
 * not checked here: the features that store data (case files) add their own {@link LookupUsage}.
 */
@Component
class FormDefinitionLookupUsage implements LookupUsage {

    private final MongoFormDraftRepository drafts;
    private final MongoFormVersionRepository versions;

    FormDefinitionLookupUsage(MongoFormDraftRepository drafts, MongoFormVersionRepository versions) {
        this.drafts = drafts;
        this.versions = versions;
    }

    @Override
    public boolean isInUse(String lookupId, String value) {
        return Stream.concat(drafts.findAll().stream().map(FormDraft::schemaJson),
                        versions.findAll().stream().map(FormVersion::schemaJson))
                .map(FormSchema::parse)
                .anyMatch(schema -> schema.usesLookupValue(lookupId, value));
    }
}
