package dev.braid.spring.transaction;

import java.util.List;
import java.util.UUID;

/** Spring-managed transactions on H2: a new in-memory database per application context. */
class H2SpringTransactionTest extends SpringTransactionContract {

    @Override
    String freshUrl() {
        return "r2dbc:h2:mem:///tx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    List<String> walletWithPaymentsInserts() {
        return List.of("SELECT id FROM FINAL TABLE (INSERT INTO wallets (owner, balance) VALUES ($1, $2))",
                "SELECT id FROM FINAL TABLE (INSERT INTO payments (amount, wallet_id) VALUES ($1, $2), ($3, $4)");
    }
}
