package org.kinship.ui.referrals;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.kinship.referrals.DirectoryProblem;
import org.kinship.referrals.InvalidDirectoryDataException;
import org.kinship.referrals.ServiceDirectory;
import org.kinship.referrals.ServiceProvider;
import org.kinship.security.KinshipUser;

/**
 * Administrators' service directory: the providers (search by name or agency), a provider's details in a dialog,
 * and the whole directory as a spreadsheet (import xlsx or csv, refused with every problem named by row and
 * column; export xlsx or csv).
 */
@Route("admin/service-directory")
@RolesAllowed("ADMINISTRATOR")
public class ServiceDirectoryView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_SHEET_BYTES = 5 * 1024 * 1024;

    private final ServiceDirectory directory;
    private final KinshipUser user;
    private final TextField search = new TextField();
    private final Grid<ServiceProvider> grid = new Grid<>();
    private final UnorderedList problems = new UnorderedList();
    private @Nullable ProviderDialog dialog;

    public ServiceDirectoryView(ServiceDirectory directory, AuthenticationContext authentication) {
        this.directory = directory;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        setId("service-directory-view");
        search.setId("directory-search");
        search.setPlaceholder(getTranslation("directory.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> refresh());
        grid.setId("directory-grid");
        grid.addColumn(ServiceProvider::name).setHeader(getTranslation("directory.column.name")).setFlexGrow(2);
        grid.addColumn(ServiceProvider::agencyCode).setHeader(getTranslation("directory.column.agency"));
        grid.addColumn(p -> String.join(", ", p.services())).setHeader(getTranslation("directory.column.services"));
        grid.addColumn(p -> String.join(", ", p.locations())).setHeader(getTranslation("directory.column.locations"));
        grid.addColumn(ServiceProvider::responseHours).setHeader(getTranslation("directory.column.responseHours"));
        grid.addColumn(p -> getTranslation(p.active() ? "directory.active" : "directory.inactive"))
                .setHeader(getTranslation("directory.column.active"));
        grid.addItemDoubleClickListener(event -> edit(event.getItem()));
        Button add = new Button(getTranslation("directory.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.setId("directory-add");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) -> UI.getCurrent().access(
                () -> importSheet(content, metadata.fileName().toLowerCase(Locale.ROOT).endsWith(".csv")
                        ? "csv" : "xlsx"))));
        upload.setAcceptedFileTypes(".xlsx", ".csv");
        upload.setMaxFileSize(MAX_SHEET_BYTES);
        upload.setUploadButton(new Button(getTranslation("directory.import"), VaadinIcon.UPLOAD.create()));
        upload.setId("directory-upload");
        problems.setId("directory-problems");
        add(new H2(getTranslation("directory.title")),
                new HorizontalLayout(search, add, upload, download("xlsx"), download("csv")), problems, grid);
        setSizeFull();
        refresh();
    }

    /** Imports a sheet; a refused one names every problem and changes nothing. */
    boolean importSheet(byte[] content, String format) {
        try {
            directory.importSheet(user, content, format, getLocale());
            problems.removeAll();
            refresh();
            return true;
        } catch (InvalidDirectoryDataException e) {
            show(e.problems());
            return false;
        }
    }

    /** Opens the provider dialog ({@code null}: a new provider). */
    ProviderDialog edit(@Nullable ServiceProvider provider) {
        dialog = new ProviderDialog(directory, user, provider, saved -> refresh());
        dialog.open();
        return dialog;
    }

    List<ServiceProvider> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    String problemsText() {
        return problems.getChildren().map(c -> c.getElement().getText()).collect(Collectors.joining("\n"));
    }

    void search(String text) {
        search.setValue(text);
        refresh();
    }

    private void show(List<DirectoryProblem> found) {
        problems.removeAll();
        found.forEach(p -> problems.add(new ListItem(p.row() == null
                ? getTranslation("directory.problem", p.column(), p.message())
                : getTranslation("directory.problem.row", p.row(), p.column(), p.message()))));
    }

    private Anchor download(String format) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = directory.exportSheet(format);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "service-directory." + format,
                    format.equals("csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    bytes.length);
        }), getTranslation("directory.export." + format));
        anchor.setId("directory-export-" + format);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private void refresh() {
        grid.setItems(directory.search(search.getValue(), null, null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.title");
    }
}
