// What the operable parts of the topology offer (issue 4: "inject faults by clicking a member,
// a CHPID, a CTC or a link"), the capacity each fault would leave, the traffic animation's rate,
// the CHPID/CTC layout under each link's label, and the drop targets of a dragged guest.
import { describe, expect, it } from 'vitest';
import { buildLink } from '$lib/core/model/link';
import { targetProblem } from '$lib/state/relocate.svelte';
import {
	capacityAfter,
	chpidActions,
	ctcActions,
	flowSeconds,
	linkActions,
	memberActions
} from '$lib/viz/topology-actions';
import { capacityWidth, chpidBlocks, CTC_SIZE, layoutTopology } from '$lib/viz/topology-layout';
import type { LinkView, MemberView } from '$lib/worker/protocol';
import { linkCapacityMBps } from '$lib/core/model/link';

/** A link's view as the worker builds it, from the core's own link builder. */
function linkView(chpids: number, ctcs: number): LinkView {
	const l = buildLink('ITSOSSI5', 'ITSOSSI6', chpids, ctcs, 0x4a60);
	const cap = linkCapacityMBps(l);
	return {
		id: l.id,
		between: l.between,
		severed: false,
		up: true,
		workingCtcs: ctcs,
		totalCtcs: ctcs,
		capacityMBps: cap,
		fullCapacityMBps: cap,
		chpids: l.chpids.map((c) => ({
			id: c.id,
			failed: false,
			inUseMBps: 0,
			ctcs: c.ctcs.map((d, index) => ({ index, ...d, inUseMBps: 0 }))
		})),
		flows: [],
		inUseMBps: 0
	};
}

const member = (name: string, state: MemberView['state']) => ({ name, state }) as MemberView;

describe('faults and repairs, each saying what will happen', () => {
	it('a running member offers an abend, a down one an IPL', () => {
		expect(memberActions(member('ITSOSSI5', 'Joined'))).toEqual([
			{
				label: 'Abend ITSOSSI5',
				detail:
					'a crash: it stops at once, its guests with it; the others time it out and the cluster goes Safe',
				input: { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI5' } },
				danger: true
			}
		]);
		expect(memberActions(member('ITSOSSI5', 'Down'))[0]!.input).toEqual({
			kind: 'ipl',
			member: 'ITSOSSI5'
		});
	});

	it('a CTC names the capacity it leaves; a CHPID its devices; the link a cut or a repair', () => {
		const l = linkView(2, 8);
		expect(l.capacityMBps).toBe(700);
		const [ctc] = ctcActions(l, l.chpids[0]!, l.chpids[0]!.ctcs[1]!);
		expect(ctc).toEqual({
			label: 'Fail CTC 4A61',
			// 7 working, 6 written: 300 + 300.
			detail: 'on CHPID 40; link capacity 700 → 600 MB/s',
			input: {
				kind: 'fault',
				fault: { kind: 'ctc.fail', link: 'ITSOSSI5-ITSOSSI6', chpid: '40', ctc: 1 }
			},
			danger: true
		});
		expect(chpidActions(l, l.chpids[1]!)[0]).toMatchObject({
			label: 'Fail CHPID 50',
			detail: 'its 4 CTCs stop; link capacity 700 → 300 MB/s'
		});
		expect(linkActions(l)[0]).toMatchObject({
			label: 'Cut link ITSOSSI5–ITSOSSI6',
			input: { kind: 'fault', fault: { kind: 'link.sever', link: 'ITSOSSI5-ITSOSSI6' } }
		});

		l.chpids[0]!.ctcs[1]!.failed = true;
		l.capacityMBps = 600;
		expect(ctcActions(l, l.chpids[0]!, l.chpids[0]!.ctcs[1]!)[0]).toMatchObject({
			label: 'Repair CTC 4A61',
			detail: 'on CHPID 40; link capacity 600 → 700 MB/s',
			danger: false
		});
		l.severed = true;
		l.capacityMBps = 0;
		expect(linkActions(l)[0]).toMatchObject({
			label: 'Repair link ITSOSSI5–ITSOSSI6',
			detail: 'link capacity 0 → 600 MB/s'
		});
	});

	it('the preview follows the same rules as the core (one CTC left: the link stays at 100 MB/s)', () => {
		const l = linkView(2, 2);
		expect(capacityAfter(l, { kind: 'ctc.fail', link: l.id, chpid: '40', ctc: 0 })).toBe(100);
		expect(ctcActions(l, l.chpids[0]!, l.chpids[0]!.ctcs[0]!)[0]!.detail).toBe(
			'on CHPID 40; link capacity stays 100 MB/s'
		);
		expect(capacityAfter(l, { kind: 'link.sever', link: l.id })).toBe(0);
	});
});

describe('the traffic along a link', () => {
	it('moves at a speed proportional to the MB/s in use, and is thicker the more it carries', () => {
		// Speed = pattern / seconds: four times the rate, four times the speed.
		expect(flowSeconds(100) / flowSeconds(400)).toBeCloseTo(4, 9);
		expect(flowSeconds(1400)).toBeLessThan(flowSeconds(300));
		expect(flowSeconds(0)).toBe(0);
		// Drawn as thick as the arc would be for that rate (TopologyLink): a static measure too.
		expect(capacityWidth(1400)).toBeGreaterThan(capacityWidth(300));
	});
});

describe('CHPID blocks under the label', () => {
	it('lay out every CTC, two rows to a CHPID, centred, without overlap', () => {
		const { blocks, width } = chpidBlocks([4, 4, 3, 1], 500, 100);
		expect(blocks.map((b) => b.ctcs.length)).toEqual([4, 4, 3, 1]);
		expect(blocks[0]!.x).toBeCloseTo(500 - width / 2, 9);
		expect(blocks.at(-1)!.x + blocks.at(-1)!.width).toBeCloseTo(500 + width / 2, 9);
		for (let i = 1; i < blocks.length; i++)
			expect(blocks[i]!.x).toBeGreaterThan(blocks[i - 1]!.x + blocks[i - 1]!.width);
		for (const b of blocks)
			for (const c of b.ctcs) {
				expect(c.size).toBe(CTC_SIZE);
				expect(c.x).toBeGreaterThanOrEqual(b.x);
				expect(c.x + c.size).toBeLessThanOrEqual(b.x + b.width);
				expect(c.y + c.size).toBeLessThanOrEqual(b.y + b.height);
			}
		// A four-CHPID link of sixteen devices fits the gap between two neighbours' labels.
		expect(chpidBlocks([4, 4, 4, 4], 0, 0).width).toBeLessThan(220 - 14);
	});

	it('the layout gives each link its blocks and a label wide enough for them', () => {
		const layout = layoutTopology(
			[
				{ name: 'A', cec: 'X' },
				{ name: 'B', cec: 'X' }
			],
			[{ id: 'A-B', between: ['A', 'B'], capacityMBps: 1400, chpids: [4, 4, 4, 4] }]
		);
		const l = layout.links[0]!;
		expect(l.chpids).toHaveLength(4);
		expect(l.labelWidth).toBeGreaterThanOrEqual(chpidBlocks([4, 4, 4, 4], 0, 0).width);
	});
});

describe('where a dragged guest may go', () => {
	const members = [member('A', 'Joined'), member('B', 'Down'), member('C', 'Joining')];
	it('not its own member, nor a down one; anything else is for VMRELOCATE TEST to judge', () => {
		expect(targetProblem(members, 'A', 'A')).toBe('already on A');
		expect(targetProblem(members, 'A', 'B')).toBe('B is down');
		expect(targetProblem(members, 'A', 'C')).toBeNull();
		expect(targetProblem(members, 'A', 'Z')).toBe('Z is not a member');
	});
});
