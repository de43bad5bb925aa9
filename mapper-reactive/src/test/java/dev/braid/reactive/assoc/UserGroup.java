package dev.braid.reactive.assoc;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The link table promoted to an entity: a composite key of two foreign keys plus an extra column
 * with a default (seed 000's {@code joined_on = Column(DateTime, default=datetime.utcnow)}).
 */
@Entity(table = "user_group_association")
public class UserGroup {
    @Id @ForeignKey(entity = User.class) public Long userId;
    @Id @ForeignKey(entity = Group.class) public Long groupId;
    public LocalDateTime joinedOn = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);

    @ManyToOne(backPopulates = "userGroups")
    public final Reference<User> user = Reference.of(this);

    @ManyToOne(backPopulates = "userGroups")
    public final Reference<Group> group = Reference.of(this);

    protected UserGroup() {}

    public UserGroup(User user, Group group) {
        this.user.set(user);
        this.group.set(group);
    }
}
