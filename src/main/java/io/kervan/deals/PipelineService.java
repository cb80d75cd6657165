package io.kervan.deals;

import io.kervan.identity.CurrentUser;
import io.kervan.shared.ChangeSet;
import io.kervan.shared.ConflictException;
import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pipelines, their stages and the lost reasons: everyone reads them, only admins change them. Stages
 * are never deleted (history points at them); a pipeline with deals cannot be deleted, only archived.
 */
@Service
public class PipelineService {

    public static final String RECORD_TYPE = "pipeline";

    private final PipelineRepository pipelines;
    private final ApplicationEventPublisher events;

    PipelineService(PipelineRepository pipelines, ApplicationEventPublisher events) {
        this.pipelines = pipelines;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<PipelineView> list(boolean includeArchived) {
        return pipelines.findAll(includeArchived);
    }

    @Transactional(readOnly = true)
    public PipelineView get(UUID id) {
        return pipelines.findById(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    @Transactional
    public PipelineView create(PipelineDraft draft) {
        UUID actor = requireAdmin();
        PipelineRules.Pipeline pipeline = PipelineRules.normalize(draft);
        if (pipeline.stages().stream().anyMatch(s -> s.id() != null)) {
            throw new InvalidInputException("stages", "deals.validation.stageId");
        }
        UUID id = Ids.newId();
        pipelines.insertPipeline(id, pipeline.name(), pipeline.nameTr(), actor);
        for (int i = 0; i < pipeline.stages().size(); i++) {
            pipelines.insertStage(Ids.newId(), id, pipeline.stages().get(i), i, actor);
        }
        PipelineView created = get(id);
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.CREATED, actor,
                changes(null, created).changes()));
        return created;
    }

    @Transactional
    public PipelineView update(UUID id, PipelineDraft draft, long expectedVersion) {
        UUID actor = requireAdmin();
        PipelineView before = get(id);
        PipelineRules.Pipeline pipeline = PipelineRules.normalize(draft);
        Set<UUID> known = new HashSet<>(before.stages().stream().map(StageView::id).toList());
        Set<UUID> listed = new HashSet<>();
        for (int i = 0; i < pipeline.stages().size(); i++) {
            UUID stageId = pipeline.stages().get(i).id();
            if (stageId != null && (!known.contains(stageId) || !listed.add(stageId))) {
                throw new InvalidInputException("stages[" + i + "].id", "deals.validation.stageId");
            }
        }
        if (!pipelines.updatePipeline(id, pipeline.name(), pipeline.nameTr(), actor, expectedVersion)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        int position = 0;
        for (PipelineRules.Stage stage : pipeline.stages()) {
            if (stage.id() == null) {
                pipelines.insertStage(Ids.newId(), id, stage, position++, actor);
            } else {
                pipelines.updateStage(stage.id(), stage, position++, actor);
            }
        }
        for (StageView left : before.stages()) {
            if (!listed.contains(left.id())) {
                pipelines.retireStage(left.id(), position++, actor);
            }
        }
        pipelines.refreshStaleness(id);
        PipelineView after = get(id);
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.UPDATED, actor,
                changes(before, after).changes()));
        return after;
    }

    @Transactional
    public PipelineView setArchived(UUID id, boolean archived) {
        UUID actor = requireAdmin();
        PipelineView before = get(id);
        if (before.archived() != archived) {
            pipelines.setArchived(id, archived, actor);
            events.publishEvent(RecordChanged.of(RECORD_TYPE, id,
                    archived ? RecordChanged.Action.ARCHIVED : RecordChanged.Action.UNARCHIVED, actor, List.of()));
        }
        return get(id);
    }

    /** Deletes a pipeline that never had a deal; one in use is a 409 (archive it instead). */
    @Transactional
    public void delete(UUID id) {
        requireAdmin();
        get(id);
        if (pipelines.inUse(id)) {
            throw new ConflictException("This pipeline has deals; archive it instead of deleting it");
        }
        pipelines.delete(id);
    }

    @Transactional(readOnly = true)
    public List<LostReasonView> lostReasons(boolean includeArchived) {
        return pipelines.lostReasons(includeArchived);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<LostReasonView> lostReason(UUID id) {
        return pipelines.lostReason(id);
    }

    @Transactional
    public LostReasonView createLostReason(String name, String nameTr) {
        UUID actor = requireAdmin();
        InputCheck check = new InputCheck();
        String n = check.text("name", name, 100, true);
        String tr = check.text("nameTr", nameTr, 100, false);
        check.throwIfInvalid();
        UUID id = Ids.newId();
        pipelines.insertLostReason(id, n, tr, actor);
        return pipelines.lostReason(id).orElseThrow();
    }

    @Transactional
    public LostReasonView updateLostReason(UUID id, String name, String nameTr, boolean archived) {
        UUID actor = requireAdmin();
        pipelines.lostReason(id).orElseThrow(() -> new RecordNotFoundException("lostReason", id));
        InputCheck check = new InputCheck();
        String n = check.text("name", name, 100, true);
        String tr = check.text("nameTr", nameTr, 100, false);
        check.throwIfInvalid();
        pipelines.updateLostReason(id, n, tr, archived, actor);
        return pipelines.lostReason(id).orElseThrow();
    }

    private static UUID requireAdmin() {
        CurrentUser user = CurrentUser.require();
        if (!user.isAdmin()) {
            throw new NotAllowedException("Only administrators change pipelines and lost reasons");
        }
        return user.id();
    }

    private static ChangeSet changes(PipelineView before, PipelineView after) {
        return new ChangeSet()
                .compare("name", before == null ? null : before.name(), after.name())
                .compare("nameTr", before == null ? null : before.nameTr(), after.nameTr())
                .compare("stages", before == null ? null : describe(before), describe(after));
    }

    private static List<String> describe(PipelineView pipeline) {
        List<String> stages = new ArrayList<>();
        for (StageView s : pipeline.stages()) {
            stages.add(s.name() + " " + s.probability() + "%" + (s.retired() ? " (retired)" : ""));
        }
        return stages;
    }
}
