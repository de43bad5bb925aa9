package dev.braid.reactive.graph;

import dev.braid.annotation.Entity;
import dev.braid.annotation.ForeignKey;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;
import dev.braid.annotation.ManyToOne;
import dev.braid.relation.Reference;

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
