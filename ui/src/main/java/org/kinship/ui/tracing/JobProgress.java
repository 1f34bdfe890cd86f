package org.kinship.ui.tracing;

import java.util.function.Supplier;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;
import org.kinship.tracing.MatchingJob;

/** A background matching job's progress, polled once a second while the view is open. */
class JobProgress extends Composite<HorizontalLayout> {

    private final Supplier<MatchingJob> progress;
    private final Runnable whenDone;
    private final ProgressBar bar = new ProgressBar();
    private final Span text = new Span();
    private @Nullable Registration polling;
    private MatchingJob.State last = MatchingJob.State.IDLE;

    JobProgress(Supplier<MatchingJob> progress, Runnable whenDone) {
        this.progress = progress;
        this.whenDone = whenDone;
        bar.setWidth("16em");
        text.setId("tracing-job-progress");
        getContent().add(bar, text);
        getContent().setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.CENTER);
    }

    void refresh() {
        MatchingJob job = progress.get();
        bar.setValue(job.progress());
        bar.setVisible(job.state() == MatchingJob.State.RUNNING);
        text.setText(getTranslation("tracing.job." + job.state().name(), job.done(), job.total(), job.found()));
        if (last == MatchingJob.State.RUNNING && job.state() != MatchingJob.State.RUNNING) {
            whenDone.run();
        }
        last = job.state();
    }

    String text() {
        return text.getText();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(1000);
        polling = ui.addPollListener(poll -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }
}
