package org.kinship.forms.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.networknt.schema.Error;
import org.kinship.forms.FormSchema;
import tools.jackson.databind.JsonNode;

/**
 * Validates data against the definition with networknt and turns each error into a problem with the
 * field's label in the user's language. A {@code required} error for a hidden field is dropped: hidden
 * fields are not required.
 */
final class SchemaErrors {

    private SchemaErrors() {
    }

    static void check(FormSchema schema, JsonNode data, Set<String> hidden, Locale locale, Problems problems) {
        List<Error> errors = SchemaEngine.validate(schema.json(), data, locale);
        for (Error error : errors) {
            String pointer = SchemaEngine.pointer(error);
            String keyword = String.valueOf(error.getKeyword());
            if (keyword.equals("required") || keyword.equals("additionalProperties")) {
                pointer = Json.pointer(pointer, error.getProperty());
            }
            if (keyword.equals("required") && hidden.contains(pointer)) {
                continue;
            }
            String label = FieldLabels.label(schema, pointer, locale);
            Object argument = error.getArguments() == null || error.getArguments().length == 0 ? ""
                    : error.getArguments()[0];
            switch (keyword) {
                case "required" -> problems.error(pointer, "forms.data.required", label);
                case "type" -> problems.error(pointer, "forms.data.type", label);
                case "maxLength" -> problems.error(pointer, "forms.data.tooLong", label, argument);
                case "minLength" -> problems.error(pointer, "forms.data.tooShort", label, argument);
                case "maximum", "exclusiveMaximum" -> problems.error(pointer, "forms.data.tooLarge", label, argument);
                case "minimum", "exclusiveMinimum" -> problems.error(pointer, "forms.data.tooSmall", label, argument);
                case "pattern" -> problems.error(pointer, "forms.data.pattern", label);
                case "enum", "const" -> problems.error(pointer, "forms.data.notAllowed", label);
                case "additionalProperties" -> problems.error(pointer, "forms.data.unknownField", error.getProperty());
                case "minItems" -> problems.error(pointer, "forms.data.tooFewItems", label, argument);
                case "maxItems" -> problems.error(pointer, "forms.data.tooManyItems", label, argument);
                default -> problems.error(pointer, "forms.data.invalid", label, error.getMessage());
            }
        }
    }
}
