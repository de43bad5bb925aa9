/**
 * Braid inside Spring-managed reactive transactions: {@link dev.braid.spring.transaction.SpringTransactions}
 * lets a {@code Mapper}'s sessions join the transaction of Spring's {@code R2dbcTransactionManager}
 * ({@code @Transactional} on reactive methods, {@code TransactionalOperator}).
 */
@NullMarked
package dev.braid.spring.transaction;

import org.jspecify.annotations.NullMarked;
