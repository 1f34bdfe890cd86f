package org.kinship.reports.internal;

import java.util.Locale;

import org.kinship.reports.Dashboard;
import org.kinship.reports.DashboardService;
import org.kinship.security.KinshipUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard}: the signed-in user's dashboard tiles. */
@RestController
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/dashboard")
    Dashboard dashboard(@AuthenticationPrincipal KinshipUser user, Locale locale) {
        return dashboards.dashboard(user, locale);
    }
}
