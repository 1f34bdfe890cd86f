/**
 * Case-management steps as BPMN processes run by Flowable. Flowable itself is used only inside
 * {@code workflow.internal}; other features talk to this package's services and events.
 */
@NullMarked
package org.kinship.workflow;

import org.jspecify.annotations.NullMarked;
