package io.kervan.imports;

import io.kervan.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import pages: upload → map the columns (suggested, editable) → preview → dry run → import with a
 * live progress bar → result with the problems CSV and undo.
 */
@Controller
@RequestMapping("/imports")
class ImportController {

    private final ImportService imports;
    private final SampleData sampleData;
    private final SampleDataJob.Launcher sampleLauncher;

    ImportController(ImportService imports, SampleData sampleData, SampleDataJob.Launcher sampleLauncher) {
        this.imports = imports;
        this.sampleData = sampleData;
        this.sampleLauncher = sampleLauncher;
    }

    /** The start page's "Load sample data" (offered to admins while there is no company). */
    @PostMapping("/sample")
    String loadSampleData(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        if (sampleData.offered()) {
            sampleLauncher.launch(io.kervan.identity.CurrentUser.require().id());
            redirect.addFlashAttribute("notice", "import.sample.started");
        }
        return "redirect:/imports";
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("recordTypes", imports.recordTypes());
        model.addAttribute("recent", imports.recent(20));
        return "imports/index";
    }

    @PostMapping
    String upload(@RequestParam String recordType, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return uploadFailed(model, Map.of("file", "import.file.empty"), recordType);
        }
        try (InputStream in = file.getInputStream()) {
            ImportJob upload = imports.upload(file.getOriginalFilename(), in, recordType);
            return "redirect:/imports/" + upload.id() + "/mapping";
        } catch (InvalidInputException e) {
            return uploadFailed(model, e.byField(), recordType);
        }
    }

    private String uploadFailed(Model model, Map<String, String> errors, String recordType) {
        model.addAttribute("errors", errors);
        model.addAttribute("recordType", recordType);
        return index(model);
    }

    @GetMapping("/{id}/mapping")
    String mapping(@PathVariable UUID id, @RequestParam(required = false) UUID saved, Model model) {
        ImportJob upload = imports.get(id);
        ImportMapping mapping = upload.mapping();
        if (saved != null) {
            mapping = imports.savedMappings(mapping.recordType()).stream().filter(m -> m.id().equals(saved))
                    .map(SavedMapping::mapping).findFirst().orElse(mapping);
        }
        return mappingPage(upload, mapping, null, model);
    }

    private String mappingPage(ImportJob upload, ImportMapping mapping, Map<String, String> errors, Model model) {
        ImportService.Preview preview;
        try {
            preview = imports.preview(upload.id(), mapping);
        } catch (InvalidInputException e) {
            preview = imports.preview(upload.id(), new ImportMapping(mapping.recordType(), mapping.mode(), null, "auto",
                    "auto", null, Map.of(), Map.of(), null, false, false));
            errors = new LinkedHashMap<>(errors == null ? Map.of() : errors);
            errors.putAll(e.byField());
        }
        model.addAttribute("upload", upload);
        model.addAttribute("mapping", mapping);
        model.addAttribute("preview", preview);
        model.addAttribute("fields", imports.fields(mapping.recordType()));
        model.addAttribute("matchKeys", imports.matchKeys(mapping.recordType()));
        model.addAttribute("savedMappings", imports.savedMappings(mapping.recordType()));
        model.addAttribute("valueMapsText", MappingForm.valueMapsText(mapping.valueMaps()));
        model.addAttribute("errors", errors);
        return "imports/mapping";
    }

    @PostMapping("/{id}/preview")
    String preview(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        ImportJob upload = imports.get(id);
        try {
            ImportMapping mapping = MappingForm.read(upload.mapping().recordType(), form);
            model.addAttribute("mapping", mapping);
            model.addAttribute("preview", imports.preview(id, mapping));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        }
        return "imports/mapping :: preview";
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        ImportJob upload = imports.get(id);
        ImportMapping mapping;
        try {
            mapping = MappingForm.read(upload.mapping().recordType(), form);
        } catch (InvalidInputException e) {
            return mappingPage(upload, upload.mapping(), e.byField(), model);
        }
        try {
            String saveAs = form.getFirst("saveAs");
            if (saveAs != null && !saveAs.isBlank()) {
                imports.saveMapping(saveAs, mapping);
            }
            ImportJob job = imports.startFromUpload(id, mapping);
            return "redirect:/imports/" + job.id();
        } catch (InvalidInputException e) {
            return mappingPage(upload, mapping, e.byField(), model);
        }
    }

    @GetMapping("/{id}")
    String job(@PathVariable UUID id, Model model) {
        ImportJob job = imports.get(id);
        if (job.status() == ImportStatus.UPLOADED) {
            return "redirect:/imports/" + id + "/mapping";
        }
        fillJob(job, model);
        return "imports/job";
    }

    @GetMapping("/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        fillJob(imports.get(id), model);
        return "imports/job :: progress";
    }

    private void fillJob(ImportJob job, Model model) {
        model.addAttribute("job", job);
        model.addAttribute("problems", job.status().importEnded() ? imports.problems(job.id(), "import", 50) : List.of());
        model.addAttribute("kept", job.status() == ImportStatus.UNDONE ? imports.problems(job.id(), "undo", 50)
                : List.of());
    }

    @PostMapping("/{id}/run")
    String runForReal(@PathVariable UUID id) {
        return "redirect:/imports/" + imports.runForReal(id).id();
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id) {
        imports.cancel(id);
        return "redirect:/imports/" + id;
    }

    @PostMapping("/{id}/undo")
    String undo(@PathVariable UUID id) {
        imports.undo(id);
        return "redirect:/imports/" + id;
    }

    @GetMapping("/{id}/errors.csv")
    void errors(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        imports.get(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-problems.csv\"");
        imports.writeErrors(id, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
