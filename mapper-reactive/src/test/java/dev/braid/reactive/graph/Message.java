package dev.braid.reactive.graph;

import dev.braid.core.meta.annotation.Entity;
import dev.braid.core.meta.annotation.ForeignKey;
import dev.braid.core.meta.annotation.Id;
import dev.braid.core.meta.annotation.Identity;
import dev.braid.core.meta.annotation.ManyToOne;
import dev.braid.core.relation.Reference;

/** Two foreign keys to the same table, told apart by naming them. */
@Entity(table = "messages")
public class Message {
    @Id @Identity public Long id;
    public String body;
    @ForeignKey(entity = Member.class) public Long senderId;
    @ForeignKey(entity = Member.class) public Long recipientId;

    @ManyToOne(foreignKey = "senderId", backPopulates = "sent")
    public final Reference<Member> sender = Reference.of(this);

    @ManyToOne(foreignKey = "recipientId", backPopulates = "received")
    public final Reference<Member> recipient = Reference.of(this);

    protected Message() {}

    public Message(String body, Member from, Member to) {
        this.body = body;
        sender.set(from);
        recipient.set(to);
    }
}
