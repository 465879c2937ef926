// What the page's polite live region says about relocations (src/lib/state/relocation-narration.ts,
// fed by the frames this directory's builders make): starts, phase changes and outcomes, never
// the pass counts that change every frame.
import { describe, expect, it } from 'vitest';
import type { RelocationView } from '$lib/worker/protocol';
import { relocationNarration } from '$lib/state/relocation-narration';

function rel(over: Partial<RelocationView>): RelocationView {
	return {
		id: 1,
		user: 'ITSOLNX1',
		from: 'ITSOSSI1',
		to: 'ITSOSSI2',
		by: 'OPERATOR',
		phase: 'MovingMemory',
		status: 'Moving Memory',
		options: 'SYNCH IMMED NO · MAXTOTAL NOLIMIT · MAXQUIESCE 10 sec',
		maxQuiesceMs: 10_000,
		maxTotalMs: null,
		passesDone: 0,
		pagesSentDone: 0,
		currentPass: 1,
		currentPassSent: 100,
		currentPassLeft: 900,
		pagesSent: 100,
		guestPages: 1000,
		elapsedMs: 1000,
		quiesceMs: 0,
		quiesced: false,
		outcome: null,
		messages: ['Relocation of ITSOLNX1 from ITSOSSI1 to ITSOSSI2 started'],
		passes: [],
		...over
	};
}

describe('relocation narration', () => {
	it('says when a relocation starts, with its STATUS string', () => {
		expect(relocationNarration([], [rel({})])).toEqual([
			'Relocation of ITSOLNX1 from ITSOSSI1 to ITSOSSI2 started: Moving Memory.'
		]);
	});

	it('stays quiet while only the counts change', () => {
		const a = rel({});
		const b = rel({ currentPassSent: 500, pagesSent: 500, elapsedMs: 3000 });
		expect(relocationNarration([a], [b])).toEqual([]);
	});

	it('says each change of phase, and that the guest is quiesced', () => {
		const a = rel({});
		const b = rel({ phase: 'MovingGuest', status: 'Moving Guest', quiesced: true, currentPass: 2 });
		expect(relocationNarration([a], [b])).toEqual(['ITSOLNX1: Moving Guest, guest quiesced.']);
	});

	it('says the outcome once, with the reason CP gave', () => {
		const running = rel({});
		const done = rel({
			phase: 'Relocated',
			status: 'relocated',
			outcome: 'relocated',
			passesDone: 3,
			messages: ['User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2']
		});
		expect(relocationNarration([running], [done])).toEqual([
			'ITSOLNX1 relocated from ITSOSSI1 to ITSOSSI2 in 3 passes.'
		]);
		expect(relocationNarration([done], [done])).toEqual([]);

		const cancelled = rel({
			phase: 'Cancelled',
			status: 'cancelled',
			outcome: 'cancelled',
			messages: ['HCPRLU1930I ITSOLNX1: The maximum quiesce time was exceeded']
		});
		expect(relocationNarration([running], [cancelled])).toEqual([
			'Relocation of ITSOLNX1 to ITSOSSI2 cancelled; ITSOLNX1 keeps running on ITSOSSI1. HCPRLU1930I ITSOLNX1: The maximum quiesce time was exceeded'
		]);
	});

	it('reports a MOVE rejected before any frame saw it running', () => {
		const rejected = rel({
			id: 2,
			phase: 'Rejected',
			status: 'rejected',
			outcome: 'rejected',
			messages: ['HCPRLH1940E ITSOLNX1 is not relocated for the following reason(s):']
		});
		expect(relocationNarration([rel({})], [rel({}), rejected])).toEqual([
			'Relocation of ITSOLNX1 to ITSOSSI2 rejected: not eligible. HCPRLH1940E ITSOLNX1 is not relocated for the following reason(s):'
		]);
	});
});
