package dev.braid.spring.transaction.app;

import dev.braid.reactive.Mapper;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Records audit entries in a new transaction, whatever the caller's transaction does. */
public class AuditService {
    private final Mapper mapper;

    public AuditService(Mapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Mono<AuditEntry> record(String message) {
        return mapper.withSessionMono(session -> session.add(new AuditEntry(message)));
    }
}
