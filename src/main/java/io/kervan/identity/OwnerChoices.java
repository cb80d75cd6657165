package io.kervan.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Owners for record forms and lists: who the signed-in user may give records to, and owners' names. */
@Service
public class OwnerChoices {

    private final UserService users;
    private final Visibility visibility;

    OwnerChoices(UserService users, Visibility visibility) {
        this.users = users;
        this.visibility = visibility;
    }

    /** Active users whose records the signed-in user may edit, i.e. the owners they may assign. */
    @Transactional(readOnly = true)
    public List<UserView> assignable() {
        VisibilityScope scope = visibility.current();
        return users.list().stream().filter(UserView::active).filter(u -> scope.canEdit(u.id())).toList();
    }

    @Transactional(readOnly = true)
    public Map<java.util.UUID, String> names(Collection<java.util.UUID> ids) {
        return users.displayNames(ids);
    }
}
