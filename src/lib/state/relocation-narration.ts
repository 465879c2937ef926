/**
 * What the page's polite status region says about live guest relocations between two frames:
 * a relocation starting, changing phase (its VMRELOCATE STATUS string) and ending. Never the
 * pass counts: they change every frame and would drown everything else.
 */
import type { RelocationView } from '../worker/protocol';

const passes = (n: number) => `${n} ${n === 1 ? 'pass' : 'passes'}`;

/** The reason CP gave for a relocation that did not complete: its last message. */
function reason(r: RelocationView): string {
	const last = r.messages.at(-1);
	return last && !last.startsWith('Relocation of') ? ` ${last}` : '';
}

/** The sentence for a relocation that has just ended. */
export function outcomeSentence(r: RelocationView): string {
	switch (r.outcome) {
		case 'relocated':
			return `${r.user} relocated from ${r.from} to ${r.to} in ${passes(r.passesDone)}.`;
		case 'cancelled':
		case 'terminated':
			return `Relocation of ${r.user} to ${r.to} ${r.outcome}; ${r.user} keeps running on ${r.from}.${reason(r)}`;
		case 'rejected':
			return `Relocation of ${r.user} to ${r.to} rejected: not eligible.${reason(r)}`;
		case null:
			return `${r.user}: ${r.status}.`;
	}
}

/** Sentences for what changed in the relocations from `before` to `after`, in issue order. */
export function relocationNarration(
	before: readonly RelocationView[],
	after: readonly RelocationView[]
): string[] {
	const out: string[] = [];
	for (const r of after) {
		const was = before.find((b) => b.id === r.id);
		if (was && was.outcome !== null) continue;
		if (r.outcome !== null) {
			out.push(outcomeSentence(r));
		} else if (!was) {
			out.push(`Relocation of ${r.user} from ${r.from} to ${r.to} started: ${r.status}.`);
		} else if (was.status !== r.status) {
			out.push(`${r.user}: ${r.status}${r.quiesced ? ', guest quiesced' : ''}.`);
		}
	}
	return out;
}
