package dev.joat.revocation.redis.archfixture.cycle.a;

import dev.joat.revocation.redis.archfixture.cycle.b.CycleEnd;

/** Breaks the no-cycle rule on purpose, with {@link CycleEnd}: for the architecture tests only. */
public class CycleStart {

	CycleEnd next;

}
