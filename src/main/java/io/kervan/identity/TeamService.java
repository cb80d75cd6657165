package io.kervan.identity;

import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams: each user belongs to at most one team; a manager (role MANAGER or ADMIN) leads teams. */
@Service
public class TeamService {

    private final TeamRepository teams;
    private final UserRepository users;

    TeamService(TeamRepository teams, UserRepository users) {
        this.teams = teams;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public List<TeamView> list() {
        return teams.findAll();
    }

    @Transactional(readOnly = true)
    public TeamView get(UUID id) {
        return teams.findById(id).orElseThrow(() -> new RecordNotFoundException("team", id));
    }

    @Transactional
    public TeamView create(String name, UUID managerId) {
        String cleaned = validate(name, managerId, null);
        UUID id = Ids.newId();
        teams.insert(id, cleaned, managerId);
        return get(id);
    }

    @Transactional
    public TeamView update(UUID id, String name, UUID managerId, long expectedVersion) {
        get(id);
        String cleaned = validate(name, managerId, id);
        if (!teams.update(id, cleaned, managerId, expectedVersion)) {
            throw new StaleVersionException("team", id);
        }
        return get(id);
    }

    private String validate(String name, UUID managerId, UUID self) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleaned = name == null ? "" : name.strip();
        if (cleaned.isEmpty()) {
            problems.add(new FieldProblem("name", "validation.required"));
        } else if (cleaned.length() > 120) {
            problems.add(new FieldProblem("name", "validation.tooLong"));
        } else if (io.kervan.shared.InputCheck.hasControlCharacters(cleaned)) {
            problems.add(new FieldProblem("name", "validation.characters"));
        } else if (teams.nameTaken(cleaned, self)) {
            problems.add(new FieldProblem("name", "validation.team.nameTaken"));
        }
        if (managerId != null) {
            var manager = users.findById(managerId);
            if (manager.isEmpty()) {
                problems.add(new FieldProblem("managerId", "validation.user.unknown"));
            } else if (manager.get().role() != Role.MANAGER && manager.get().role() != Role.ADMIN) {
                problems.add(new FieldProblem("managerId", "validation.team.managerRole"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return cleaned;
    }
}
