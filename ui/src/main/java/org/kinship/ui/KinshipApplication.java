package org.kinship.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Kinship: the runnable application. Starts the platform (embedded MongoDB, workflow engine, search
 * indexes unless configured otherwise) and the Vaadin user interface.
 */
@SpringBootApplication(scanBasePackages = "org.kinship")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/kinship.css")
public class KinshipApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(KinshipApplication.class, args);
    }
}
