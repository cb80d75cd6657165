package io.kervan.imports;

import io.kervan.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /api/v1/imports}: start an import (multipart {@code file} + JSON {@code mapping}), follow it,
 * download its problems as CSV, cancel it, undo it.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportApiController {

    private final ImportService imports;
    private final ObjectMapper json;

    ImportApiController(ImportService imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportJson> start(@RequestPart("file") MultipartFile file, @RequestPart("mapping") String mapping,
            @RequestParam(required = false) Boolean dryRun) throws IOException {
        ImportMapping parsed = parse(mapping);
        if (dryRun != null) {
            parsed = parsed.withDryRun(dryRun);
        }
        try (InputStream in = file.getInputStream()) {
            ImportJob job = imports.start(file.getOriginalFilename(), in, parsed);
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id()))
                    .body(ImportJson.of(job));
        }
    }

    @GetMapping
    List<ImportJson> recent(@RequestParam(defaultValue = "50") int limit) {
        return imports.recent(Math.max(1, Math.min(limit, 200))).stream().map(ImportJson::of).toList();
    }

    @GetMapping("/{id}")
    ImportJson get(@PathVariable UUID id) {
        return ImportJson.of(imports.get(id));
    }

    @GetMapping("/{id}/errors")
    void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        imports.get(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeErrors(id, out);
    }

    @PostMapping("/{id}/cancel")
    ImportJson cancel(@PathVariable UUID id) {
        return ImportJson.of(imports.cancel(id));
    }

    /** Starts the undo in the background: {@code 202} with the job {@code undoing}; follow it like the import. */
    @PostMapping("/{id}/undo")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJson undo(@PathVariable UUID id) {
        return ImportJson.of(imports.undo(id));
    }

    private ImportMapping parse(String mapping) {
        try {
            ImportMapping parsed = json.readValue(mapping, ImportMapping.class);
            if (parsed == null) {
                throw new InvalidInputException("mapping", "import.mapping.json");
            }
            return parsed;
        } catch (JacksonException e) {
            throw new InvalidInputException("mapping", "import.mapping.json");
        }
    }
}
