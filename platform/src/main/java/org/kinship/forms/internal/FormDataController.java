package org.kinship.forms.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormProblem;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.ValidatedData;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/forms/{formId}/versions/{version}/data/validate}: checks data against a published
 * version exactly as a save would, and answers what would be stored (200) or every problem (422). Nothing
 * is stored; case files call {@link FormDefinitionService#validateData} on their saves.
 */
@RestController
class FormDataController {

    /** Data refused by the checks; answered with 422 and the problems. */
    static final class InvalidFormDataException extends RuntimeException {
        private final List<FormProblem> problems;

        InvalidFormDataException(List<FormProblem> problems) {
            super(problems.size() + " problem(s) in the data");
            this.problems = List.copyOf(problems);
        }

        List<FormProblem> problems() {
            return problems;
        }
    }

    private final FormDefinitionService forms;

    FormDataController(FormDefinitionService forms) {
        this.forms = forms;
    }

    @PostMapping("/api/v1/forms/{formId}/versions/{version}/data/validate")
    Map<String, Object> validate(@PathVariable String formId, @PathVariable int version, @RequestBody String body,
            Locale locale) {
        FormVersionRef ref = new FormVersionRef(formId, version);
        forms.version(ref);
        Optional<Map<String, Object>> data = Json.read(body).filter(JsonNode::isObject).map(Json::toMap);
        if (data.isEmpty()) {
            throw new InvalidFormDataException(List.of(new FormProblem("", "forms.data.notJson", "")));
        }
        ValidatedData result = forms.validateData(ref, data.get(), null, locale);
        if (!result.valid()) {
            throw new InvalidFormDataException(result.problems());
        }
        return Map.of("valid", true, "form", ref.toString(), "data", result.data(), "hidden", result.hidden());
    }
}
