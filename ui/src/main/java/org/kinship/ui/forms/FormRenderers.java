package org.kinship.ui.forms;

import java.time.Clock;
import java.util.Locale;

import org.kinship.forms.FormSchema;
import org.kinship.forms.LookupService;
import org.kinship.i18n.Messages;
import org.springframework.stereotype.Component;

/** Builds {@link FormRenderer}s with the application's messages, lookups and clock. */
@Component
public class FormRenderers {

    private final Messages messages;
    private final LookupService lookups;
    private final Clock clock;

    FormRenderers(Messages messages, LookupService lookups, Clock clock) {
        this.messages = messages;
        this.lookups = lookups;
        this.clock = clock;
    }

    public FormRenderer render(FormSchema schema, Locale locale, AttachmentHandler attachments) {
        return new FormRenderer(schema, new RenderContext(locale, messages, lookups, attachments, clock));
    }
}
