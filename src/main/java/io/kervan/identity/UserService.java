package io.kervan.identity;

import io.kervan.shared.EmailAddresses;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.StaleVersionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: the module API for creating, changing and looking up users. */
@Service
public class UserService {

    static final int MIN_PASSWORD = 10;
    /** BCrypt reads at most 72 bytes; longer passwords would be silently truncated. */
    static final int MAX_PASSWORD = 72;
    static final Set<String> LOCALES = Set.of("en", "tr");

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final UserSessions sessions;

    UserService(UserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder, UserSessions sessions) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        Map<UUID, String> teamNames = teams.names();
        return users.findAll().stream().map(u -> u.toView(teamNames.get(u.teamId()))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserView> find(UUID id) {
        return users.findById(id).map(u -> u.toView(u.teamId() == null ? null : teams.names().get(u.teamId())));
    }

    public UserView get(UUID id) {
        return find(id).orElseThrow(() -> new RecordNotFoundException("user", id));
    }

    /** Display names by id, for showing owners and actors; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        return users.findAllById(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(UserRecord::id, UserRecord::displayName));
    }

    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return users.count() > 0;
    }

    @Transactional
    public UserView create(UserDraft draft) {
        String email = validate(draft, true, null);
        if (users.existsByEmail(email)) {
            throw new InvalidInputException("email", "validation.email.taken");
        }
        Instant now = Instant.now();
        UserRecord user = new UserRecord(Ids.newId(), email, passwordEncoder.encode(draft.password()),
                draft.firstName().strip(), draft.lastName().strip(), draft.role(), draft.teamId(), draft.active(),
                localeOrDefault(draft.locale()), 0, null, now, now, 0);
        users.insert(user);
        return get(user.id());
    }

    /**
     * Creates a user who cannot sign in until an admin sets a password (for users that come with
     * imported data, such as the sample's sales agents): the stored hash is of a random secret nobody knows.
     */
    @Transactional
    public UserView createWithoutLogin(String email, String firstName, String lastName, Role role, UUID teamId) {
        String secret = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
        return create(new UserDraft(email, firstName, lastName, secret.substring(0, 60), role, teamId, true, "en"));
    }

    /** The user with this e-mail, if any. */
    @Transactional(readOnly = true)
    public Optional<UserView> findByEmail(String email) {
        return EmailAddresses.normalize(email).flatMap(users::findByEmail).map(u -> get(u.id()));
    }

    @Transactional
    public UserView update(UUID id, UserDraft draft, long expectedVersion) {
        UserRecord current = users.findById(id).orElseThrow(() -> new RecordNotFoundException("user", id));
        String email = validate(draft, false, id);
        users.findByEmail(email).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new InvalidInputException("email", "validation.email.taken");
        });
        refuseSelfLockout(current, draft);
        boolean newPassword = draft.password() != null && !draft.password().isEmpty();
        String hash = newPassword ? passwordEncoder.encode(draft.password()) : current.passwordHash();
        UserRecord changed = new UserRecord(id, email, hash, draft.firstName().strip(), draft.lastName().strip(),
                draft.role(), draft.teamId(), draft.active(), localeOrDefault(draft.locale()), current.failedLogins(),
                current.lockedUntil(), current.createdAt(), current.updatedAt(), expectedVersion);
        if (!users.update(changed)) {
            throw new StaleVersionException("user", id);
        }
        if (newPassword || !email.equals(current.email()) || draft.role() != current.role()
                || (current.active() && !draft.active())) {
            sessions.endAllOf(current.email());
        }
        return get(id);
    }

    /**
     * Admins may not take away their own admin role or deactivate themselves: their session would
     * keep the old rights, and the last admin could lock everyone out of administration.
     */
    private static void refuseSelfLockout(UserRecord current, UserDraft draft) {
        boolean self = CurrentUser.get().filter(actor -> actor.id().equals(current.id())).isPresent();
        if (!self) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.role() != current.role()) {
            problems.add(new FieldProblem("role", "validation.user.ownRole"));
        }
        if (current.active() && !draft.active()) {
            problems.add(new FieldProblem("active", "validation.user.ownActive"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Until when the account is locked after failed sign-ins; empty when it is not locked now. */
    @Transactional(readOnly = true)
    Optional<Instant> lockedUntil(UUID id) {
        return users.findById(id).map(UserRecord::lockedUntil).filter(until -> until.isAfter(Instant.now()));
    }

    /** Lifts a sign-in lock early, for a user who has been verified some other way. */
    @Transactional
    void unlock(UUID id) {
        users.findById(id).orElseThrow(() -> new RecordNotFoundException("user", id));
        users.resetFailedLogins(id);
    }

    @Transactional
    public void changeLocale(UUID id, String locale) {
        users.updateLocale(id, localeOrDefault(locale));
    }

    private String validate(UserDraft draft, boolean creating, UUID self) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<String> email = EmailAddresses.normalize(draft.email());
        if (email.isEmpty()) {
            problems.add(new FieldProblem("email", "validation.email"));
        }
        requireName(problems, "firstName", draft.firstName());
        requireName(problems, "lastName", draft.lastName());
        String password = draft.password();
        boolean passwordGiven = password != null && !password.isEmpty();
        if (creating && !passwordGiven) {
            problems.add(new FieldProblem("password", "validation.required"));
        } else if (passwordGiven && (password.length() < MIN_PASSWORD
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD)) {
            problems.add(new FieldProblem("password", "validation.password.length"));
        }
        if (draft.role() == null) {
            problems.add(new FieldProblem("role", "validation.required"));
        }
        if (draft.teamId() != null && !teams.exists(draft.teamId())) {
            problems.add(new FieldProblem("teamId", "validation.team.unknown"));
        }
        if (draft.locale() != null && !draft.locale().isBlank() && !LOCALES.contains(draft.locale())) {
            problems.add(new FieldProblem("locale", "validation.locale"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return email.get();
    }

    private static void requireName(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (value.length() > 100) {
            problems.add(new FieldProblem(field, "validation.tooLong"));
        } else if (io.kervan.shared.InputCheck.hasControlCharacters(value)) {
            problems.add(new FieldProblem(field, "validation.characters"));
        }
    }

    static String localeOrDefault(String locale) {
        return locale != null && LOCALES.contains(locale) ? locale : "en";
    }
}
