import { describe, expect, it } from 'vitest';
import { body, boot, cmd, doc, memberOf, norm, ready, sec, STAMP } from './helpers';

const HEADER = 'SLOT SYSTEMID STATE PDR HEARTBEAT RECEIVED HEARTBEAT';

/** Parses a `mm/dd/yy hh:mm:ss` stamp (20yy) into epoch ms, UTC. */
function stampMs(s: string): number {
	const m = /^(\d\d)\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(s);
	if (!m) throw new Error(`not a stamp: ${s}`);
	const [mo, d, y, h, mi, se] = m.slice(1).map(Number) as number[];
	return Date.UTC(2000 + y!, mo! - 1, d!, h!, mi!, se!);
}

/** The slot line of a QUERY SSI response. */
function slotLine(lines: string[], slot: number): string {
	const l = lines.find((x) => new RegExp(`^\\s*${slot} `).test(x));
	if (!l) throw new Error(`no slot ${slot} in ${JSON.stringify(lines)}`);
	return l;
}

describe('QUERY SSI shaped as 000 Example 2-6 (ITSOSSIB in Stable mode)', () => {
	it('prints the cluster, its mode, the timeouts, the PDR and one line per slot 1-4', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(7));
		const r = cmd(sim, 'ITSOSSI5', 'q ssi');
		const got = body(r).map(norm);
		// Example 2-6, blanks collapsed (the stamps differ: the book's were 11:10:37 and 11:10:39).
		const book = doc(`
			SSI Name: ITSOSSIB
			SSI Mode: Stable
			Cross-System Timeouts: Enabled
			SSI Persistent Data Record (PDR) device: SSIBC1 on 9D20
			SLOT SYSTEMID STATE PDR HEARTBEAT RECEIVED HEARTBEAT
			1 ITSOSSI5 Joined 11/11/11 11:10:37 11/11/11 11:10:37
			2 ITSOSSI6 Joined 11/11/11 11:10:39 11/11/11 11:10:39
			3 ------ Available
			4 ------ Available`);
		expect(got.slice(0, 5)).toEqual(book.slice(0, 5));
		expect(got).toHaveLength(9);
		expect(got[5]).toMatch(new RegExp(`^1 ITSOSSI5 Joined ${STAMP} ${STAMP}$`));
		expect(got[6]).toMatch(new RegExp(`^2 ITSOSSI6 Joined ${STAMP} ${STAMP}$`));
		expect(got[7]).toMatch(/^3 -+ Available$/);
		expect(got[8]).toMatch(/^4 -+ Available$/);
		expect(r.rc).toBe(0);
	});

	it('heartbeat stamps are simulated wall-clock times no older than a few heartbeat intervals', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(33));
		const lines = body(cmd(sim, 'ITSOSSI5', 'q ssi'));
		const now = sim.state.epochMs + sim.state.now;
		for (const slot of [1, 2]) {
			const stamps = slotLine(lines, slot).match(new RegExp(STAMP, 'g')) ?? [];
			expect(stamps).toHaveLength(2);
			for (const s of stamps) {
				const t = stampMs(s);
				expect(t).toBeLessThanOrEqual(now);
				expect(now - t).toBeLessThanOrEqual(sim.state.params.heartbeatMs + 1000);
			}
		}
	});

	it('lines up the slot columns under the header (SYSTEMID, STATE, the two heartbeats)', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		const lines = body(cmd(sim, 'ITSOSSI6', 'q ssi'));
		const header = lines.find((l) => norm(l) === HEADER)!;
		const line = slotLine(lines, 2);
		expect(line.indexOf('ITSOSSI6')).toBe(header.indexOf('SYSTEMID'));
		expect(line.indexOf('Joined')).toBe(header.indexOf('STATE'));
		const stamps = [...line.matchAll(new RegExp(STAMP, 'g'))].map((m) => m.index);
		expect(stamps).toEqual([header.indexOf('PDR HEARTBEAT'), header.indexOf('RECEIVED')]);
		expect(slotLine(lines, 3).indexOf('Available')).toBe(header.indexOf('STATE'));
	});

	it('shows Cross-System Timeouts: Disabled when the cluster disables them', () => {
		const sim = boot('itsossib', (j) => {
			(j.cluster as Record<string, unknown>).crossSystemTimeouts = false;
		});
		expect(body(cmd(sim, 'ITSOSSI5', 'q ssi'))[2]).toBe('Cross-System Timeouts: Disabled');
	});

	it('a four-member cluster has no Available slot (000 Example 4-3, ITSOSSIA)', () => {
		const sim = boot('itsossia');
		sim.runUntil(sec(19));
		const lines = body(cmd(sim, 'ITSOSSI3', 'q ssi')).map(norm);
		expect(lines.slice(0, 5)).toEqual(
			doc(`
				SSI Name: ITSOSSIA
				SSI Mode: Stable
				Cross-System Timeouts: Enabled
				SSI Persistent Data Record (PDR) device: SSIAC2 on 9E20
				SLOT SYSTEMID STATE PDR HEARTBEAT RECEIVED HEARTBEAT`)
		);
		for (const [i, name] of ['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4'].entries()) {
			expect(lines[5 + i]).toMatch(new RegExp(`^${i + 1} ${name} Joined ${STAMP} ${STAMP}$`));
		}
		expect(lines.join('\n')).not.toMatch(/Available/);
	});

	it('QUERY SSI takes no operands (HCPCMD003E)', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI5', 'q ssi all');
		expect(r.rc).toBe(3);
		expect(body(r)).toEqual(['HCPCMD003E Invalid option - ALL']);
	});
});

describe('member states in QUERY SSI (000 §2.4.1, Example 2-7)', () => {
	it('a member that shut down shows `Down (shut down successfully)` and the cluster is Stable', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		cmd(sim, 'ITSOSSI5', 'shutdown');
		sim.runUntil(sec(40));
		const lines = body(cmd(sim, 'ITSOSSI6', 'q ssi')).map(norm);
		// Example 2-7: "ITSOSSI6 is an active member of the cluster and ITSOSSI5 is shut down."
		expect(lines[1]).toBe('SSI Mode: Stable');
		expect(lines[5]).toBe('1 ITSOSSI5 Down (shut down successfully)');
		expect(lines[6]).toMatch(new RegExp(`^2 ITSOSSI6 Joined ${STAMP} ${STAMP}$`));
	});

	it('a member shutting down is Leaving and the cluster is in Influx meanwhile (§2.4.2)', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		cmd(sim, 'ITSOSSI5', 'shutdown');
		sim.runUntil(sec(6));
		const lines = body(cmd(sim, 'ITSOSSI6', 'q ssi')).map(norm);
		expect(lines[1]).toBe('SSI Mode: Influx');
		expect(lines[5]).toMatch(new RegExp(`^1 ITSOSSI5 Leaving ${STAMP} ${STAMP}$`));
	});

	it('a member IPLing is Joining (Influx), then Joined (Stable)', () => {
		const sim = boot('myclustr');
		sim.runUntil(sec(5));
		expect(norm(slotLine(body(cmd(sim, 'MEMBER1', 'q ssi')), 3))).toBe(
			'3 MEMBER3 Down (shut down successfully)'
		);
		cmd(sim, 'MEMBER3', 'ipl');
		sim.runUntil(sec(6));
		let lines = body(cmd(sim, 'MEMBER1', 'q ssi')).map(norm);
		expect(lines[1]).toBe('SSI Mode: Influx');
		expect(lines[7]).toMatch(/^3 MEMBER3 Joining /);
		sim.runUntil(sec(30));
		lines = body(cmd(sim, 'MEMBER1', 'q ssi')).map(norm);
		expect(lines[1]).toBe('SSI Mode: Stable');
		expect(lines[7]).toMatch(new RegExp(`^3 MEMBER3 Joined ${STAMP} ${STAMP}$`));
	});

	it('a peer that abended shows as Unknown once the cross-system timeout passes (Safe mode)', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(6));
		const before = body(cmd(sim, 'ITSOSSI5', 'q ssi'));
		const lastStamp = slotLine(before, 2).match(new RegExp(STAMP, 'g'))![0];
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });

		// Before the timeout the survivor still believes the PDR: Joined, with a stale stamp.
		sim.runUntil(sec(6) + sim.state.params.crossSystemTimeoutMs - sec(1));
		let lines = body(cmd(sim, 'ITSOSSI5', 'q ssi')).map(norm);
		expect(lines[1]).toBe('SSI Mode: Stable');
		expect(lines[6]).toBe(`2 ITSOSSI6 Joined ${lastStamp} ${lastStamp}`);

		const { crossSystemTimeoutMs, heartbeatMs } = sim.state.params;
		sim.runUntil(sec(6) + crossSystemTimeoutMs + 2 * heartbeatMs);
		lines = body(cmd(sim, 'ITSOSSI5', 'q ssi')).map(norm);
		expect(lines[1]).toBe('SSI Mode: Safe');
		// The stamps stop at the abended member's last heartbeat: it can no longer write the PDR.
		expect(lines[6]).toBe(`2 ITSOSSI6 Unknown ${lastStamp} ${lastStamp}`);
		expect(lines[5]).toMatch(new RegExp(`^1 ITSOSSI5 Joined ${STAMP} ${STAMP}$`));
	});

	it('with cross-system timeouts disabled an abended peer never becomes Unknown', () => {
		const sim = boot('itsossib', (j) => {
			(j.cluster as Record<string, unknown>).crossSystemTimeouts = false;
		});
		sim.runUntil(sec(6));
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		sim.runUntil(sec(120));
		expect(norm(slotLine(body(cmd(sim, 'ITSOSSI5', 'q ssi')), 2))).toMatch(/^2 ITSOSSI6 Joined /);
	});

	it('members that lose their ISFC link are Suspended and the cluster Safe', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		sim.apply({ kind: 'fault', fault: { kind: 'link.sever', link: 'ITSOSSI5-ITSOSSI6' } });
		sim.runUntil(sec(40));
		const lines = body(cmd(sim, 'ITSOSSI5', 'q ssi'));
		expect(norm(lines[1]!)).toBe('SSI Mode: Safe');
		expect(norm(slotLine(lines, 1))).toMatch(
			new RegExp(`^1 ITSOSSI5 Suspended ${STAMP} ${STAMP}$`)
		);
		// Suspended is the longest state word: the heartbeat columns still line up.
		const header = lines.find((l) => norm(l) === HEADER)!;
		expect(slotLine(lines, 1).search(new RegExp(STAMP))).toBe(header.indexOf('PDR HEARTBEAT'));
	});

	it('each member answers with its own view: the issuer sees its own true state', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(6));
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		sim.runUntil(sec(30));
		cmd(sim, 'ITSOSSI6', 'ipl');
		const own = body(cmd(sim, 'ITSOSSI6', 'q ssi')).map(norm);
		expect(own[6]).toMatch(/^2 ITSOSSI6 Joining /);
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Joining');
	});

	it('the Ready line closes QUERY SSI with the simulated clock (000 Example 4-3)', () => {
		const sim = boot('itsossia');
		sim.runUntil(sec(19));
		expect(ready(cmd(sim, 'ITSOSSI3', 'q ssi'))).toBe('Ready; T=0.01/0.01 15:27:19');
	});
});

describe('SET SSI changes what QUERY SSI lists (000 App. B)', () => {
	it('a slot made AVAILABLE shows as Available', () => {
		const sim = boot('itsossib');
		cmd(sim, 'ITSOSSI6', 'shutdown');
		sim.runUntil(sec(30));
		expect(cmd(sim, 'ITSOSSI5', 'set ssi slot 2 available').rc).toBe(0);
		expect(norm(slotLine(body(cmd(sim, 'ITSOSSI5', 'q ssi')), 2))).toMatch(/^2 -+ Available$/);
	});

	it('a system named in a free slot is listed by name, Down until it joins (§2.4.1)', () => {
		const sim = boot('itsossib');
		expect(cmd(sim, 'ITSOSSI5', 'set ssi slot 3 itsossi7').rc).toBe(0);
		const lines = body(cmd(sim, 'ITSOSSI5', 'q ssi')).map(norm);
		expect(lines[7]).toBe('3 ITSOSSI7 Down');
		expect(lines[8]).toMatch(/^4 -+ Available$/);
	});
});
