package io.kervan.leads;

import io.kervan.shared.api.ETags;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/lead-sources}: everyone reads; admins add, rename and (de)activate. */
@RestController
@RequestMapping("/api/v1/lead-sources")
class LeadSourceApiController {

    private final LeadSourceService sources;

    LeadSourceApiController(LeadSourceService sources) {
        this.sources = sources;
    }

    @GetMapping
    LeadJson.Sources list(@RequestParam(defaultValue = "false") boolean includeInactive) {
        return new LeadJson.Sources(sources.list(includeInactive).stream().map(LeadJson.Source::of).toList());
    }

    @GetMapping("/{id}")
    ResponseEntity<LeadJson.Source> get(@PathVariable UUID id) {
        LeadSource source = sources.get(id);
        return ResponseEntity.ok().eTag(ETags.of(source.version())).body(LeadJson.Source.of(source));
    }

    @PostMapping
    ResponseEntity<LeadJson.Source> create(@RequestBody LeadJson.SourceInput input) {
        LeadSource source = sources.create(input.key(), input.labelEn(), input.labelTr());
        return ResponseEntity.created(URI.create("/api/v1/lead-sources/" + source.id()))
                .eTag(ETags.of(source.version())).body(LeadJson.Source.of(source));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<LeadJson.Source> patch(@PathVariable UUID id, @RequestBody LeadJson.SourcePatch patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        LeadSource current = sources.get(id);
        long expected = ETags.expectedVersion(ifMatch, current.version(), "leadSource", id);
        LeadSource updated = sources.update(id, patch.labelEn(), patch.labelTr(), patch.active(), expected);
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(LeadJson.Source.of(updated));
    }
}
