package org.kinship.ui.cases;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseSettings;
import org.kinship.forms.FormDefinitionService;
import org.kinship.security.KinshipUser;
import org.kinship.ui.forms.FormRenderers;

/**
 * What the parts of an open case file share: the services, the signed-in user and their language, the
 * module's forms, and {@code changed}, which shows a case version a part has just stored everywhere.
 */
record CaseContext(CaseFileService cases, CaseAttachmentService attachments, FormDefinitionService forms,
        FormRenderers renderers, CaseSettings settings, KinshipUser user, Locale locale, ModuleForms moduleForms,
        ValueTexts values, Function<String, String> userName, DateTimeFormatter dateTime, MessageBar message,
        Consumer<CaseFile> changed) {
}
