package dev.braid.benchmarks;

import dev.braid.testkit.PostgresReplicaPair;

/**
 * {@link ReplicaReads} on the test kit's own PostgreSQL 15 primary and streaming hot standby
 * ({@link PostgresReplicaPair}, started here, stopped at exit): the same arguments after the URLs,
 * {@code [rounds] [seconds-per-round]}. Both servers run on this machine.
 */
public final class ReplicaReadsOnKit {
    private ReplicaReadsOnKit() {}

    /** The r2dbc URL of the kit's database on {@code port}. */
    static String url(int port) {
        return "r2dbc:postgresql://postgres@127.0.0.1:" + port + "/" + PostgresReplicaPair.DATABASE_NAME;
    }

    public static void main(String[] args) {
        PostgresReplicaPair pair = PostgresReplicaPair.shared();
        String[] all = new String[args.length + 2];
        all[0] = url(pair.primaryPort());
        all[1] = url(pair.replicaPort());
        System.arraycopy(args, 0, all, 2, args.length);
        ReplicaReads.main(all);
        System.exit(0);
    }
}
