package io.kervan.products;

import io.kervan.identity.Role;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.NotAllowedException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may change catalogue data. Products and price lists are not owned records: everyone signed in
 * reads them, admins and managers change them; exchange rates are changed by admins only. The role is
 * read fresh from the database (through {@link Visibility}), so a demotion applies at once.
 */
@Component
class CatalogueAccess {

    private final Visibility visibility;

    CatalogueAccess(Visibility visibility) {
        this.visibility = visibility;
    }

    boolean canManageCatalogue() {
        VisibilityScope scope = visibility.current();
        return scope.role() == Role.ADMIN || scope.role() == Role.MANAGER;
    }

    boolean canManageRates() {
        return visibility.current().role() == Role.ADMIN;
    }

    /** The acting user's id, after checking they may change the catalogue. */
    UUID requireCatalogueManager() {
        VisibilityScope scope = visibility.current();
        if (scope.role() != Role.ADMIN && scope.role() != Role.MANAGER) {
            throw new NotAllowedException("Only admins and managers may change products and price lists");
        }
        return scope.userId();
    }

    UUID requireRateAdmin() {
        VisibilityScope scope = visibility.current();
        if (scope.role() != Role.ADMIN) {
            throw new NotAllowedException("Only admins may change exchange rates");
        }
        return scope.userId();
    }
}
