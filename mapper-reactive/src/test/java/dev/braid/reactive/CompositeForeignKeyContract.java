package dev.braid.reactive;

import dev.braid.error.MapperException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.reactive.relopts.Parcel;
import dev.braid.reactive.relopts.Parcel_;
import dev.braid.reactive.relopts.RelOptsModel;
import dev.braid.reactive.relopts.Shipment;
import dev.braid.reactive.relopts.Shipment_;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18 item 7: relationships over a composite foreign key (two columns referencing a composite primary key). */
abstract class CompositeForeignKeyContract extends MapperTestBase {

    @Override
    protected MappingRegistry registry() {
        return RelOptsModel.registry();
    }

    private static final String PARCEL_COLUMNS = "ro_parcels.id, ro_parcels.weight, ro_parcels.shipment_region,"
            + " ro_parcels.shipment_number";

    /** eu/1 with parcels 7, 3, 5 kg and us/2 with one of 9 kg. */
    private void seed() {
        Shipment eu = new Shipment("eu", 1, "post");
        for (int w : new int[] {7, 3, 5}) eu.parcels.add(new Parcel(w));
        Shipment us = new Shipment("us", 2, "ship");
        us.parcels.add(new Parcel(9));
        mapper.inTransaction(s -> s.addAll(List.of(eu, us))).blockLast(TIMEOUT);
        recorder().clear();
    }

    @Test
    void theDdlDeclaresOneForeignKeyOverBothColumns() {
        assertThat(mapper.schema().createStatements()).anySatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE")
                .contains("ro_parcels").contains("FOREIGN KEY (shipment_region, shipment_number) REFERENCES ro_shipments (region, number)"));
    }

    @Test
    void insertWritesTheParentThenChildrenWithBothForeignKeyColumns() {
        seed();
        assertThat(rows("SELECT weight, shipment_region, shipment_number FROM ro_parcels ORDER BY weight")).containsExactly(
                List.of(3, "eu", 1), List.of(5, "eu", 1), List.of(7, "eu", 1), List.of(9, "us", 2));
    }

    @Test
    void selectinMatchesEachCompositeKey() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.select(Shipment.class).orderBy(Shipment_.region.asc())
                        .options(Loads.selectin(Shipment_.parcels)).all()))
                .assertNext(eu -> {
                    assertThat(eu.parcels).extracting(p -> p.weight).containsExactly(3, 5, 7);
                    assertThat(eu.parcels).allSatisfy(p -> assertThat(p.shipment.get()).isSameAs(eu));
                })
                .assertNext(us -> assertThat(us.parcels).extracting(p -> p.weight).containsExactly(9))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly(
                "SELECT ro_shipments.region, ro_shipments.number, ro_shipments.carrier FROM ro_shipments ORDER BY ro_shipments.region",
                "SELECT " + PARCEL_COLUMNS + " FROM ro_parcels WHERE (ro_parcels.shipment_region = $1 AND"
                        + " ro_parcels.shipment_number = $2) OR (ro_parcels.shipment_region = $3 AND ro_parcels.shipment_number = $4)");
    }

    @Test
    void joinedJoinsOnBothColumns() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.select(Shipment.class).where(Shipment_.region.eq("eu"))
                        .options(Loads.joined(Shipment_.parcels)).all()))
                .assertNext(eu -> assertThat(eu.parcels).extracting(p -> p.weight).containsExactly(3, 5, 7))
                .verifyComplete();
        assertThat(recorder().statements()).containsExactly("SELECT ro_shipments.region, ro_shipments.number,"
                + " ro_shipments.carrier, " + PARCEL_COLUMNS + " FROM ro_shipments LEFT OUTER JOIN ro_parcels ON"
                + " ro_parcels.shipment_region = ro_shipments.region AND ro_parcels.shipment_number = ro_shipments.number"
                + " WHERE ro_shipments.region = $1 ORDER BY ro_shipments.region, ro_shipments.number, ro_parcels.weight, ro_parcels.id");
    }

    @Test
    void manyToOneLoadsTheParentByItsCompositeKeyAndAnyFiltersOnBothColumns() {
        seed();
        StepVerifier.create(mapper.withSession(s -> s.select(Parcel.class).where(Parcel_.weight.gt(4))
                        .orderBy(Parcel_.weight.asc()).options(Loads.selectin(Parcel_.shipment)).all()
                        .map(p -> p.weight + "@" + p.shipment.get().region + "/" + p.shipment.get().carrier)))
                .expectNext("5@eu/post", "7@eu/post", "9@us/ship")
                .verifyComplete();
        assertThat(recorder().statements().get(1)).isEqualTo("SELECT ro_shipments.region, ro_shipments.number,"
                + " ro_shipments.carrier FROM ro_shipments WHERE (ro_shipments.region = $1 AND ro_shipments.number = $2)"
                + " OR (ro_shipments.region = $3 AND ro_shipments.number = $4)");
        recorder().clear();
        StepVerifier.create(mapper.withSession(s -> s.select(Shipment.class).where(Shipment_.parcels.any(Parcel_.weight.gt(8)))
                        .all().map(sh -> sh.region)))
                .expectNext("us")
                .verifyComplete();
        assertThat(recorder().statements().get(0)).contains("ro_parcels.shipment_region = ro_shipments.region AND"
                + " ro_parcels.shipment_number = ro_shipments.number AND ro_parcels.weight > $1");
    }

    @Test
    void movingAChildSetsBothColumnsAndDeletingCascadesOverLoadedChildren() {
        seed();
        mapper.inTransaction(s -> s.select(Parcel.class).where(Parcel_.weight.eq(9)).options(Loads.selectin(Parcel_.shipment))
                .one().flatMap(p -> s.get(Shipment.class, List.of("eu", 1)).doOnNext(eu -> p.shipment.set(eu)))).blockLast(TIMEOUT);
        assertThat(rows("SELECT shipment_region, shipment_number FROM ro_parcels WHERE weight = 9")).containsExactly(List.of("eu", 1));
        mapper.inTransaction(s -> s.get(Shipment.class, List.of("eu", 1))
                .flatMap(eu -> s.load(eu, Shipment_.parcels).then(s.delete(eu)))).blockLast(TIMEOUT);
        assertThat(count("ro_parcels")).isZero();
        assertThat(rows("SELECT region FROM ro_shipments")).containsExactly(List.of("us"));
    }

    @Test
    void deletingAParentWithUnloadedChildrenFailsNamingTheFix() {
        seed();
        StepVerifier.create(mapper.inTransaction(s -> s.get(Shipment.class, List.of("us", 2)).flatMap(s::delete)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(MapperException.class)
                        .hasMessageContaining("Shipment.parcels"))
                .verify(TIMEOUT);
        assertThat(count("ro_parcels")).isEqualTo(4);
    }
}
