package org.kinship.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.kinship.security.AgencyLogo;
import org.kinship.security.AgencyLogos;

/** An agency's logo as a small image, served with the type the platform sniffed when it was uploaded. */
final class LogoImages {

    private LogoImages() {
    }

    static Component of(AgencyLogos logos, String agencyCode) {
        return logos.logo(agencyCode).<Component>map(LogoImages::image).orElseGet(Span::new);
    }

    private static Image image(AgencyLogo logo) {
        byte[] bytes = logo.bytes();
        Image image = new Image((DownloadHandler) event -> {
            event.setContentType(logo.contentType());
            event.getOutputStream().write(bytes);
        }, logo.agencyCode());
        image.setHeight("32px");
        image.addClassName("kinship-agency-logo");
        return image;
    }
}
