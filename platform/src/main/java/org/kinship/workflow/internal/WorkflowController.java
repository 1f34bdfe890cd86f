package org.kinship.workflow.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.workflow.WorkflowDefinition;
import org.kinship.workflow.WorkflowDeploymentService;
import org.kinship.workflow.WorkflowMigration;
import org.kinship.workflow.WorkflowProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/workflows}: deployed processes (latest version each), deploy a BPMN file (XML body; 201, or 422
 * naming every problem with nothing deployed), validate without deploying, versions, download, and migration of
 * running cases ({@code POST /{key}/migrate?toVersion=N}, or {@code ?migrate=true} on deploy).
 */
@RestController
@RequestMapping("/api/v1/workflows")
class WorkflowController {

    private final WorkflowDeploymentService workflows;

    WorkflowController(WorkflowDeploymentService workflows) {
        this.workflows = workflows;
    }

    @GetMapping
    List<WorkflowDefinition> latest(@AuthenticationPrincipal KinshipUser user) {
        return workflows.latest(user);
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, "application/bpmn+xml"})
    ResponseEntity<WorkflowDefinition> deploy(@AuthenticationPrincipal KinshipUser user, @RequestBody byte[] body,
            @RequestParam(required = false) @Nullable String fileName,
            @RequestParam(defaultValue = "false") boolean migrate) {
        WorkflowDefinition deployed = workflows.deploy(user, fileName, xml(body), migrate);
        return ResponseEntity.created(URI.create("/api/v1/workflows/" + deployed.key() + "/versions/"
                + deployed.version())).body(deployed);
    }

    @PostMapping(path = "/validate", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE, "application/bpmn+xml"})
    List<WorkflowProblem> validate(@AuthenticationPrincipal KinshipUser user, @RequestBody byte[] body) {
        return workflows.validate(user, xml(body));
    }

    @GetMapping("/{key}/versions")
    List<WorkflowDefinition> versions(@AuthenticationPrincipal KinshipUser user, @PathVariable String key) {
        return workflows.versions(user, key);
    }

    @GetMapping("/{key}/versions/{version}/bpmn")
    ResponseEntity<String> download(@AuthenticationPrincipal KinshipUser user, @PathVariable String key,
            @PathVariable int version) {
        String xml = workflows.bpmn(user, key, version);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(key + "-v" + version + ".bpmn20.xml", StandardCharsets.UTF_8).build().toString())
                .body(xml);
    }

    @PostMapping("/{key}/migrate")
    WorkflowMigration migrate(@AuthenticationPrincipal KinshipUser user, @PathVariable String key,
            @RequestParam int toVersion) {
        return workflows.migrate(user, key, toVersion);
    }

    /** Bytes, so that an oversized or non-UTF-8 body is still named as such by the rules rather than the framework. */
    private static String xml(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
