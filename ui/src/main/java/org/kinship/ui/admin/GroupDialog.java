package org.kinship.ui.admin;

import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.TextField;
import org.jspecify.annotations.Nullable;
import org.kinship.security.Agency;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccount;
import org.kinship.security.UserGroup;

/** Creates or edits a user group; members may come from any agency. */
class GroupDialog extends AdminDialog {

    private final UserDialogs services;
    private final KinshipUser actor;
    private final @Nullable UserGroup group;
    final TextField name = new TextField();
    final MultiSelectComboBox<UserAccount> members = new MultiSelectComboBox<>();
    final MultiSelectComboBox<String> agencies = new MultiSelectComboBox<>();

    GroupDialog(UserDialogs services, KinshipUser actor, @Nullable UserGroup group, Runnable saved) {
        super("group", saved);
        this.services = services;
        this.actor = actor;
        this.group = group;
        setHeaderTitle(group == null ? getTranslation("admin.group.new") : group.name());
        name.setLabel(getTranslation("admin.group.name"));
        members.setLabel(getTranslation("admin.group.members"));
        members.setItemLabelGenerator(account -> account.displayName() + " (" + account.username() + ")");
        var users = services.administration().users(actor);
        members.setItems(users);
        agencies.setLabel(getTranslation("admin.group.agencies"));
        agencies.setItems(services.agencies().agencies(actor).stream().map(Agency::code).toList());
        if (group != null) {
            name.setValue(group.name());
            members.setValue(users.stream().filter(account -> group.memberIds().contains(account.id()))
                    .collect(Collectors.toSet()));
            agencies.setValue(group.agencyCodes());
        }
        add(name, members, agencies);
        addErrorLine();
    }

    @Override
    boolean save() {
        Set<String> memberIds = members.getValue().stream().map(UserAccount::id).collect(Collectors.toSet());
        return saveWith(() -> {
            if (group == null) {
                services.groups().create(actor, name.getValue(), memberIds, agencies.getValue());
            } else {
                services.groups().update(actor, group.id(), name.getValue(), memberIds, agencies.getValue(),
                        group.version());
            }
        });
    }
}
