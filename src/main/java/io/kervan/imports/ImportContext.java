package io.kervan.imports;

import io.kervan.companies.CompanyImports;
import io.kervan.identity.UserService;
import io.kervan.identity.UserView;
import io.kervan.shared.TurkishText;
import io.kervan.shared.imports.ImportMatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lookups one import job needs again and again, cached for the job: owners by e-mail or name, companies
 * by external id, tax number or name. Safe to share between the job's threads (a batch is planned ahead while
 * the one before it is written).
 */
final class ImportContext {

    private final UserService users;
    private final CompanyImports companies;
    private Map<String, UUID> owners;
    private final Map<String, Optional<UUID>> companyIds = new HashMap<>();
    private final Map<String, Object> cache = new HashMap<>();

    ImportContext(UserService users, CompanyImports companies) {
        this.users = users;
        this.companies = companies;
    }

    /** The user named by e-mail or display name ("Ayşe Yılmaz"), compared Turkish-folded. */
    synchronized Optional<UUID> owner(String emailOrName) {
        if (owners == null) {
            owners = new HashMap<>();
            for (UserView user : users.list()) {
                owners.put(TurkishText.fold(user.email()), user.id());
                owners.putIfAbsent(TurkishText.fold(user.displayName()), user.id());
            }
        }
        return Optional.ofNullable(owners.get(TurkishText.fold(emailOrName.strip())));
    }

    /** Forgets cached users (after the sample data created some). */
    synchronized void usersChanged() {
        owners = null;
    }

    /** The one company with this external id, tax number or name; empty when none or several. */
    synchronized Optional<UUID> company(String nameOrKey) {
        String key = TurkishText.fold(nameOrKey.strip());
        Optional<UUID> cached = companyIds.get(key);
        if (cached != null && cached.isPresent()) {
            return cached;
        }
        Optional<UUID> found = Optional.empty();
        for (String matchKey : List.of("externalId", "taxNumber", "name")) {
            List<ImportMatch> matches = companies.findForImport(matchKey, nameOrKey);
            if (matches.size() == 1) {
                found = Optional.of(matches.get(0).id());
                break;
            }
        }
        if (companyIds.size() < 100_000) {
            companyIds.put(key, found);
        }
        return found;
    }

    /** A value computed once per job (pipelines by name …). */
    @SuppressWarnings("unchecked")
    synchronized <T> T cached(String key, java.util.function.Supplier<T> compute) {
        return (T) cache.computeIfAbsent(key, k -> compute.get());
    }
}
