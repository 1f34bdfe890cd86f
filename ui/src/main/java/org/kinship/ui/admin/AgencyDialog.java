package org.kinship.ui.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;
import org.kinship.security.Agency;
import org.kinship.security.AgencyAdministration;
import org.kinship.security.AgencyLogos;
import org.kinship.security.KinshipUser;

/**
 * Creates an agency or renames one and uploads its logo; the code is fixed once created (it appears in case
 * numbers).
 */
class AgencyDialog extends AdminDialog {

    private final AgencyAdministration agencies;
    private final AgencyLogos logos;
    private final KinshipUser user;
    private final @Nullable Agency agency;
    private final TextField code = new TextField();
    private final TextField name = new TextField();

    AgencyDialog(AgencyAdministration agencies, AgencyLogos logos, KinshipUser user, @Nullable Agency agency,
            Runnable saved) {
        super("agency", saved);
        this.agencies = agencies;
        this.logos = logos;
        this.user = user;
        this.agency = agency;
        setHeaderTitle(getTranslation(agency == null ? "admin.agency.new" : "admin.agency.edit"));
        code.setLabel(getTranslation("admin.agency.code"));
        code.setId("agency-code");
        name.setLabel(getTranslation("admin.agency.name"));
        name.setId("agency-name");
        if (agency != null) {
            code.setValue(agency.code());
            code.setReadOnly(true);
            name.setValue(agency.name());
        }
        add(code, name);
        if (agency != null) {
            add(logoUpload());
        }
        addErrorLine();
    }

    private Upload logoUpload() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) -> {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> uploadLogo(content));
            } else {
                uploadLogo(content);
            }
        }));
        upload.setId("agency-logo");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(AgencyLogos.MAX_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", ".png", ".jpg", ".jpeg", ".gif");
        return upload;
    }

    /** Stores a new logo (the platform checks the image type and the permission). */
    boolean uploadLogo(byte[] content) {
        boolean stored = attempt(() -> logos.upload(user, java.util.Objects.requireNonNull(agency).code(), content));
        if (stored) {
            refreshList();
        }
        return stored;
    }

    void fill(String newCode, String newName) {
        code.setValue(newCode);
        name.setValue(newName);
    }

    @Override
    boolean save() {
        return saveWith(() -> {
            if (agency == null) {
                agencies.create(user, code.getValue().strip(), name.getValue());
            } else {
                agencies.rename(user, agency.code(), name.getValue(), agency.version());
            }
        });
    }
}
