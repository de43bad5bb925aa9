package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.embedded.Address;
import dev.braid.reactive.embedded.Contact;
import dev.braid.reactive.embedded.Customer;
import dev.braid.reactive.embedded.Customer_;
import dev.braid.reactive.embedded.EmbeddedModels;
import dev.braid.reactive.embedded.Order;
import dev.braid.reactive.embedded.Order_;
import dev.braid.reactive.embedded.Shipment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Embedded value objects: columns of the owner's table, null as a whole, compared by value, usable in filters. */
abstract class EmbeddedContract extends MapperTestBase {
    static final Address OSLO = new Address("Karl Johans gate 1", "Oslo", "0154");
    static final Address BERGEN = new Address("Bryggen 5", "Bergen", "5003");

    @Override
    protected MappingRegistry registry() {
        return EmbeddedModels.registry();
    }

    @Test
    void explore() {
        System.out.println(mapper.schema().createScript());
        mapper.inTransactionMono(s -> s.add(new Order("A-1", OSLO, null))).block(TIMEOUT);
        System.out.println(recorder().statements());
        System.out.println(rows("SELECT * FROM orders"));
        recorder().clear();
        Order o = mapper.withSessionMono(s -> s.select(Order.class).where(Order_.shipTo.city.eq("Oslo")).one()).block(TIMEOUT);
        System.out.println(recorder().statements());
        System.out.println(o.shipTo + " " + o.billTo);
    }
}
