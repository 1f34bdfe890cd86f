package org.kinship.ui.forms;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import org.kinship.forms.FormDiff;

/** What changed between two versions of a form, one line per field added, removed or changed. */
class DiffList extends UnorderedList {

    DiffList(FormDiff diff) {
        addClassName("kinship-diff");
        if (diff.isEmpty()) {
            add(new ListItem(getTranslation("designer.diff.none")));
        }
        diff.added().forEach(name -> add(new ListItem(getTranslation("designer.diff.added", name))));
        diff.removed().forEach(name -> add(new ListItem(getTranslation("designer.diff.removed", name))));
        diff.changed().forEach(change -> add(new ListItem(getTranslation("designer.diff.changed", change.field(),
                String.join(", ", change.attributes())))));
    }

    /** The lines as shown (for tests). */
    java.util.List<String> lines() {
        return getChildren().map(item -> ((ListItem) item).getText()).toList();
    }
}
