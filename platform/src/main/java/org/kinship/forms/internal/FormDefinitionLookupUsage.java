package org.kinship.forms.internal;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kinship.forms.FormDraft;
import org.kinship.forms.FormField;
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
                .anyMatch(schema -> uses(schema, lookupId, value));
    }

    private static boolean uses(FormSchema schema, String lookupId, String value) {
        return schema.allFields().values().stream().anyMatch(field ->
                lookupId.equals(field.valueLookup()) && isDefault(field, value)
                        || quotes(field.visibleWhen(), value) || quotes(field.calculate(), value));
    }

    private static boolean isDefault(FormField field, String value) {
        return value.equals(field.defaultValue())
                || field.defaultValue() instanceof List<?> values && values.contains(value);
    }

    private static boolean quotes(@Nullable String rule, String value) {
        return rule != null && (rule.contains("'" + value + "'") || rule.contains("\"" + value + "\""));
    }
}
