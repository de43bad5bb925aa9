package dev.braid.examples.association;

import dev.braid.annotation.CreatedAt;
import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

import java.time.LocalDateTime;

/**
 * The link table promoted to an entity (seed 000's association object): a composite key of two foreign
 * keys, two many-to-one references, and an extra column, {@code joined_on = Column(DateTime, default=datetime.utcnow)}:
 * {@code @CreatedAt}, set by the flush that inserts the row from the mapper's clock (UTC by default).
 */
@Entity(table = "user_group_association")
public class UserGroup {
    @Id @ForeignKey(entity = User.class) public Long userId;
    @Id @ForeignKey(entity = Group.class) public Long groupId;
    @CreatedAt public LocalDateTime joinedOn;

    @ManyToOne(backPopulates = "userGroups")
    public final Reference<User> user = Reference.of(this);

    @ManyToOne(backPopulates = "userGroups")
    public final Reference<Group> group = Reference.of(this);

    protected UserGroup() {}

    /** {@code UserGroup(user=alice, group=admin_group)}. */
    public UserGroup(User user, Group group) {
        this.user.set(user);
        this.group.set(group);
    }
}
