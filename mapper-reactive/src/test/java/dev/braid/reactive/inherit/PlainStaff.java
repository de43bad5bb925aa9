package dev.braid.reactive.inherit;

import dev.braid.annotation.Column;
import dev.braid.annotation.Entity;
import dev.braid.annotation.Id;
import dev.braid.annotation.Identity;

/** The columns of {@link Staff}'s table as a plain entity: the baseline of {@code H2InheritanceOverheadCheck}. */
@Entity(table = "plain_staff")
public class PlainStaff {
    @Id @Identity public Long id;
    @Column(length = 50, nullable = false) public String name;
    @dev.braid.annotation.ForeignKey(entity = Firm.class) public Long firmId;

    @dev.braid.annotation.ManyToOne(foreignKey = "firmId")
    public final dev.braid.relation.Reference<Firm> firm = dev.braid.relation.Reference.of(this);
    @Column(length = 30) public String language;
    public Integer budget;
    @Column(length = 30) public String area;
    @Column(length = 50, nullable = false) public String kind;

    protected PlainStaff() {}
}
