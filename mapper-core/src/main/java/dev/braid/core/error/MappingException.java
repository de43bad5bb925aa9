package dev.braid.core.error;

import java.util.List;

/** The mapping has problems. All of them are listed at once, each naming {@code Class.attribute} and a fix. */
public final class MappingException extends MapperException {
    private final List<String> problems;

    public MappingException(List<String> problems) {
        super(ErrorCode.BRAID_MAPPING, render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems) {
        StringBuilder out = new StringBuilder("The mapping has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            out.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        return out.toString();
    }
}
