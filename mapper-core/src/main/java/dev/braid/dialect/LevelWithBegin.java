package dev.braid.dialect;

import java.util.List;

/** BEGIN carries the isolation level; no statements before or after. */
final class LevelWithBegin implements TransactionStatements {
    static final LevelWithBegin INSTANCE = new LevelWithBegin();

    private LevelWithBegin() {}

    @Override
    public List<String> beforeBegin(String level) {
        IsolationLevels.requireStandard(level);
        return List.of();
    }

    @Override
    public List<String> afterEnd(String level) {
        return List.of();
    }
}
