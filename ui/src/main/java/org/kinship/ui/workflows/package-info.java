/**
 * Workflow administration in the browser: the service-level targets per risk level, and the workflow designer
 * (deployed processes and versions, BPMN upload, the bpmn-js modeler vendored as a static resource, validation,
 * deployment as a new version with or without migrating running cases, download).
 */
@NullMarked
package org.kinship.ui.workflows;

import org.jspecify.annotations.NullMarked;
