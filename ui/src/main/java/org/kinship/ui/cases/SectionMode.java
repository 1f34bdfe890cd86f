package org.kinship.ui.cases;

/** How a user meets one section of a case file. */
enum SectionMode {
    EDIT, READ_ONLY, HIDDEN
}
