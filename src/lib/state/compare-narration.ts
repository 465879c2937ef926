/**
 * What the compare page's polite status region says between two frames: a new comparison and
 * what differs, each side's phase changes and outcome, and the differences in words once both
 * have ended. Never the clock or the pass counts: they change every frame.
 */
import { differenceSentence } from '../core/compare/describe';
import { formatSpan } from '../core/compare/differences';
import type { SideKey } from '../core/compare/settings';
import type { CompareView, SideView } from '../worker/compare-protocol';

const NAME: Record<SideKey, string> = { a: 'A', b: 'B' };

/** The sentence for a side that has just ended. */
export function sideOutcomeSentence(s: SideView): string {
	const name = NAME[s.key];
	const total = formatSpan(s.endedAtMs ?? 0);
	const quiesce = formatSpan(s.quiesceMs);
	switch (s.outcome) {
		case 'relocated':
			return `${name} relocated in ${total}, quiesced for ${quiesce}.`;
		case 'cancelled':
			return `${name} was cancelled after ${total}: ${s.limit ?? 'a limit'} exceeded; the guest stays on the source.`;
		case 'terminated':
			return `${name} stopped after ${total}: the memory transfer could not complete.`;
		case null:
			return `${name}: ${s.phaseLabel}.`;
	}
}

function sideNarration(before: SideView, after: SideView): string | null {
	if (before.outcome !== null) return null;
	if (after.outcome !== null) return sideOutcomeSentence(after);
	if (before.phase !== after.phase)
		return `${NAME[after.key]}: ${after.phaseLabel}${after.quiesced ? ', guest quiesced' : ''}.`;
	return null;
}

/** Sentences for what changed from `before` to `after`, or null when nothing worth saying did. */
export function narrateCompare(before: CompareView | null, after: CompareView): string | null {
	if (!before || before.generation !== after.generation) {
		const same =
			before !== null && JSON.stringify(before.settings) === JSON.stringify(after.settings);
		return same
			? 'Back to the start of the comparison: both MOVEs issued at 0.'
			: `New comparison. ${differenceSentence(after.settings)}`;
	}
	const parts: string[] = [];
	for (const k of ['a', 'b'] as const) {
		const said = sideNarration(before.sides[k], after.sides[k]);
		if (said) parts.push(said);
	}
	if (after.done && !before.done) {
		parts.push(`Comparison done. ${after.differences.sentences.join(' ')}`);
	}
	return parts.length > 0 ? parts.join(' ') : null;
}
