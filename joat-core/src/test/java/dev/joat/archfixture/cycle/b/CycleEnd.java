package dev.joat.archfixture.cycle.b;

import dev.joat.archfixture.cycle.a.CycleStart;

/** Breaks the no-cycle rule on purpose, with {@link CycleStart}: for the architecture tests only. */
public class CycleEnd {

	CycleStart back;

}
