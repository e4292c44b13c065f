package org.tachi.sessions.fuzz;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The one shape most request parts are generated in: the usual value, or now and then one of the odd ones. */
final class Gens {

    private Gens() {}

    /** {@code usual} in {@code weight} of {@code weight + othersWeight} draws, else one of {@code others}. */
    static <T> Gen<T> mostly(int weight, T usual, int othersWeight, List<T> others) {
        return Generate.frequency(
                Pair.of(weight, Generate.constant(usual)), Pair.of(othersWeight, Generate.pick(others)));
    }
}
