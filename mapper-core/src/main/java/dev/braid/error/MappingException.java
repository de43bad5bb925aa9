package dev.braid.error;

import java.util.List;

/**
 * The mapping has problems. All of them are listed at once, each a {@link MappingProblem} with its own
 * {@link MappingProblem.Kind}, {@code Class.attribute} and fix; the message numbers their sentences.
 */
public final class MappingException extends MapperException {
    /** Every problem found, in order. */
    private final List<MappingProblem> problems;

    /**
     * An error with code {@link ErrorCode#BRAID_MAPPING} whose message numbers every problem's sentence.
     *
     * @param problems every problem found, in the order they were found; not empty
     */
    public MappingException(List<MappingProblem> problems) {
        super(ErrorCode.BRAID_MAPPING, render(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem, as data: kind, entity, attribute, what is wrong and the fix.
     *
     * @return the problems in the order found (immutable)
     */
    public List<MappingProblem> problems() {
        return problems;
    }

    /**
     * Every problem as the sentence shown in the message ({@link MappingProblem#message()}).
     *
     * @return the sentences in the order found
     */
    public List<String> messages() {
        return problems.stream().map(MappingProblem::message).toList();
    }

    private static String render(List<MappingProblem> problems) {
        StringBuilder out = new StringBuilder("The mapping has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            out.append("\n  ").append(i + 1).append(". ").append(problems.get(i).message());
        }
        return out.toString();
    }
}
