/**
 * LINK for a guest, sent with SEND CP (000 Example A-6 sends DETACH so), checked against the
 * links to the same minidisk on every member: "Cluster-wide policing of resource access:
 * coordinated minidisk link checking" and "CP checks for conflicts throughout the cluster when a
 * link is requested" (001 "Reliability and Integrity of Shared Data and Resources",
 * "Cross-System Minidisk Management"). The documents print no LINK response: the texts are the
 * simulator's plain ones (commands/link.ts), in CP's wording style, without message numbers.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, replay } from '$lib/core/simulation';
import { body, boot, cmd, sec, type Json } from './helpers';

/**
 * ITSOSSIA's four members (000 ch. 4) with a directory for these tests: the LINDFLT profile
 * (000 Example 4-6); MAINT, the IDENTITY owning each member's 0190 in its SUBCONFIG on the
 * member's own volume and a common 0193 (001 "Shared Source Directory"; the volumes of Example
 * 4-1, extents chosen); DATAOWN, a USER with minidisks on the shared volume SSIAR2 in each mode
 * the tests need; and the Linux guests LNXA … LNXD.
 */
const DIRECTORY = `PROFILE LINDFLT
CLASS G
OPTION CHPIDV ONE
VMRELOCATE ON
CONSOLE 0009 3215 T
SPOOL 000C 2540 READER *
SPOOL 000D 2540 PUNCH A
SPOOL 000E 1403 A
IDENTITY MAINT XXXXXXXX 128M 1000M ABCDEFG
BUILD ON ITSOSSI1 USING SUBCONFIG MAINT-1
BUILD ON ITSOSSI2 USING SUBCONFIG MAINT-2
BUILD ON ITSOSSI3 USING SUBCONFIG MAINT-3
BUILD ON ITSOSSI4 USING SUBCONFIG MAINT-4
CONSOLE 0009 3215 T
MDISK 0193 3390 0001 0100 SSIAR2 RR
SUBCONFIG MAINT-1
MDISK 0190 3390 0100 0214 SSI1I2 RR
SUBCONFIG MAINT-2
MDISK 0190 3390 0100 0214 SSI2I2 RR
SUBCONFIG MAINT-3
MDISK 0190 3390 0100 0214 SSI3I2 RR
SUBCONFIG MAINT-4
MDISK 0190 3390 0100 0214 SSI4I2 RR
USER DATAOWN DATAOWN 64M 64M G
INCLUDE LINDFLT
MDISK 0200 3390 0101 0100 SSIAR2 MR
MDISK 0201 3390 0201 0100 SSIAR2 RR
MDISK 0202 3390 0301 0100 SSIAR2 MWV
MDISK 0203 3390 0000 END SSIAR3 MWV
MDISK 0204 3390 0401 0100 SSIAR2
USER LNXA LNXA 1G 1G G
INCLUDE LINDFLT
USER LNXB LNXB 1G 1G G
INCLUDE LINDFLT
USER LNXC LNXC 1G 1G G
INCLUDE LINDFLT
USER LNXD LNXD 1G 1G G
INCLUDE LINDFLT
USER LNXE LNXE 1G 1G G
INCLUDE LINDFLT
LINK DATAOWN 0200 0200 M
LINK DATAOWN 0201 0201 RR
USER LNXF LNXF 1G 1G G
INCLUDE LINDFLT
LINK DATAOWN 0200 0300 MR
`;

/** LNXA and LNXD on ITSOSSI1, LNXB on ITSOSSI2, LNXC on ITSOSSI3; DATAOWN and MAINT logged off. */
function lab(): Simulation {
	return boot('itsossia', (j: Json) => {
		j.directory = DIRECTORY;
		j.guests = [
			{ user: 'LNXA', on: 'ITSOSSI1' },
			{ user: 'LNXD', on: 'ITSOSSI1' },
			{ user: 'LNXB', on: 'ITSOSSI2' },
			{ user: 'LNXC', on: 'ITSOSSI3' }
		];
	});
}

const HOME: Record<string, string> = {
	LNXA: 'ITSOSSI1',
	LNXD: 'ITSOSSI1',
	LNXB: 'ITSOSSI2',
	LNXC: 'ITSOSSI3'
};

/**
 * `send cp guest <text>` on the guest's member (HOME, or `on`): what the guest's console
 * answered, without the `GUEST   : ` prefix SEND puts in front (000 Example A-6).
 */
function send(sim: Simulation, guest: string, text: string, on = HOME[guest]!): string[] {
	const from = sim.state.console.length;
	const r = cmd(sim, on, `send cp ${guest} ${text}`);
	expect(r.rc, text).toBe(0);
	const prefix = `${guest.padEnd(8)}: `;
	return sim.state.console
		.slice(from)
		.filter((l) => l.on === on && l.kind === 'output' && l.text.startsWith(prefix))
		.map((l) => l.text.slice(prefix.length));
}

/** The guest's LINK, as though typed at its own console: rc and lines (without `Ready`). */
function link(sim: Simulation, guest: string, operands: string, on = HOME[guest]!) {
	const r = cmd(sim, on, `link ${operands}`, guest);
	return { rc: r.rc, lines: body(r) };
}

/** `vdev mode access` of a guest's link devices (and `local` ones marked). */
function links(sim: Simulation, guest: string, on = HOME[guest]!): string[] {
	const g = sim.state.cluster.guests.find((x) => x.user === guest && x.on === on);
	if (!g) throw new Error(`${guest} is not on ${on}`);
	return g.devices.flatMap((d) =>
		d.kind === 'link'
			? [`${d.vdev} ${d.owner} ${d.target} ${d.mode} ${d.access}${d.local ? ' local' : ''}`]
			: []
	);
}

describe('LINK modes across members (001 "Cross-System Minidisk Management")', () => {
	it('R, positive: read-only when the others on any member only read', () => {
		const sim = lab();
		expect(send(sim, 'LNXA', 'link dataown 200 200 rr')).toEqual([
			'DASD 0200 linked R/O to DATAOWN 0200'
		]);
		expect(send(sim, 'LNXB', 'link dataown 200 200 r')).toEqual([
			'DASD 0200 linked R/O to DATAOWN 0200'
		]);
		expect(links(sim, 'LNXB')).toEqual(['0200 DATAOWN 0200 R R']);
	});

	it('R, negative: refused while a user on another member has write access', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 mw');
		expect(send(sim, 'LNXB', 'link dataown 200 200 r')).toEqual([
			'DASD 0200 not linked; R/W by LNXA at ITSOSSI1',
			'Mode R links read-only only when no other user has R/W access to DATAOWN 0200 on any member of SSI cluster ITSOSSIA (RR links read-only even so)'
		]);
		expect(links(sim, 'LNXB')).toEqual([]);
		expect(link(sim, 'LNXB', 'dataown 200 200 r').rc).toBe(8);
	});

	it('RR, positive: read-only even while another member has a writer', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 mw');
		expect(send(sim, 'LNXB', 'link dataown 200 200 rr')).toEqual([
			'DASD 0200 linked R/O to DATAOWN 0200'
		]);
	});

	it('RR, negative: never write access, even when no one else is linked', () => {
		const sim = lab();
		expect(link(sim, 'LNXB', 'dataown 200 200 rr')).toEqual({
			rc: 0,
			lines: ['DASD 0200 linked R/O to DATAOWN 0200']
		});
		expect(links(sim, 'LNXB')).toEqual(['0200 DATAOWN 0200 RR R']);
	});

	it('W, positive: write access when no one on any member is linked', () => {
		const sim = lab();
		expect(send(sim, 'LNXB', 'link dataown 200 200 w')).toEqual([
			'DASD 0200 linked R/W to DATAOWN 0200'
		]);
		expect(links(sim, 'LNXB')).toEqual(['0200 DATAOWN 0200 W W']);
	});

	it('W, negative: refused while a user on another member reads', () => {
		const sim = lab();
		send(sim, 'LNXC', 'link dataown 200 300 rr');
		expect(send(sim, 'LNXB', 'link dataown 200 200 w')).toEqual([
			'DASD 0200 not linked; R/O by LNXC at ITSOSSI3',
			'Mode W links only when no other user is linked to DATAOWN 0200 on any member of SSI cluster ITSOSSIA (WR links read-only instead)'
		]);
	});

	it('WR, positive: write access when no one is linked', () => {
		const sim = lab();
		expect(send(sim, 'LNXB', 'link dataown 200 200 wr')).toEqual([
			'DASD 0200 linked R/W to DATAOWN 0200'
		]);
	});

	it('WR, negative: only read-only while a user on another member is linked', () => {
		const sim = lab();
		send(sim, 'LNXC', 'link dataown 200 300 rr');
		expect(send(sim, 'LNXB', 'link dataown 200 200 wr')).toEqual([
			'DASD 0200 forced R/O; R/O by LNXC at ITSOSSI3'
		]);
		expect(links(sim, 'LNXB')).toEqual(['0200 DATAOWN 0200 WR R']);
	});

	it('M, positive: write access while the others on other members only read', () => {
		const sim = lab();
		send(sim, 'LNXC', 'link dataown 200 300 rr');
		expect(send(sim, 'LNXB', 'link dataown 200 200 m')).toEqual([
			'DASD 0200 linked R/W to DATAOWN 0200'
		]);
	});

	it('M, negative: refused while a user on another member writes', () => {
		const sim = lab();
		send(sim, 'LNXC', 'link dataown 200 300 mw');
		expect(send(sim, 'LNXB', 'link dataown 200 200 m')).toEqual([
			'DASD 0200 not linked; R/W by LNXC at ITSOSSI3',
			'Mode M links only when no other user has R/W access to DATAOWN 0200 on any member of SSI cluster ITSOSSIA (MR links read-only instead)'
		]);
	});

	it('MR, positive: write access while the others only read', () => {
		const sim = lab();
		send(sim, 'LNXC', 'link dataown 200 300 rr');
		expect(send(sim, 'LNXB', 'link dataown 200 200 mr')).toEqual([
			'DASD 0200 linked R/W to DATAOWN 0200'
		]);
	});

	it('MR, negative: read-only while a user on another member writes', () => {
		const sim = lab();
		send(sim, 'LNXC', 'link dataown 200 300 mr');
		expect(send(sim, 'LNXB', 'link dataown 200 200 mr')).toEqual([
			'DASD 0200 forced R/O; R/W by LNXC at ITSOSSI3'
		]);
		expect(links(sim, 'LNXC')).toEqual(['0300 DATAOWN 0200 MR W']);
		expect(links(sim, 'LNXB')).toEqual(['0200 DATAOWN 0200 MR R']);
	});

	it('MW, positive: write access even while users on every other member write', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 mw');
		send(sim, 'LNXC', 'link dataown 200 200 mw');
		expect(send(sim, 'LNXB', 'link dataown 200 200 mw')).toEqual([
			'DASD 0200 linked R/W to DATAOWN 0200'
		]);
	});

	it('MW, negative: a non-full-pack minidisk with virtual reserve/release links on one member at a time', () => {
		// 001: "Virtual reserve/release for fullpack minidisks is supported across members / Only
		// supported on one member at a time for non-fullpack minidisks".
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 202 202 mw');
		expect(send(sim, 'LNXB', 'link dataown 202 202 mw')).toEqual([
			'DASD 0202 not linked; DATAOWN 0202 is linked R/W by LNXA at ITSOSSI1',
			'DATAOWN 0202 is a non-full-pack minidisk with virtual reserve/release (MDISK mode MWV): it can be linked on only one member at a time'
		]);
		// On the same member it links.
		expect(send(sim, 'LNXD', 'link dataown 202 202 mw')).toEqual([
			'DASD 0202 linked R/W to DATAOWN 0202'
		]);
		// A full pack (cylinder 0 to END) with virtual reserve/release links across members.
		send(sim, 'LNXA', 'link dataown 203 203 mw');
		expect(send(sim, 'LNXB', 'link dataown 203 203 mw')).toEqual([
			'DASD 0203 linked R/W to DATAOWN 0203'
		]);
	});

	it('the operands TO and AS, abbreviated, and the mode in any case', () => {
		const sim = lab();
		expect(send(sim, 'LNXB', 'link to dataown 200 as 300 Mr')).toEqual([
			'DASD 0300 linked R/W to DATAOWN 0200'
		]);
		expect(send(sim, 'LNXB', 'link t dataown 201 a 301 rr')).toEqual([
			'DASD 0301 linked R/O to DATAOWN 0201'
		]);
	});
});

describe("the owner's own MDISK access counts when the owner is logged on (001)", () => {
	it('DATAOWN 0200 is MR: logged on at ITSOSSI3, it holds R/W, so M and R elsewhere are refused', () => {
		const sim = lab();
		expect(cmd(sim, 'ITSOSSI3', 'xautolog dataown').rc).toBe(0);
		expect(send(sim, 'LNXA', 'link dataown 200 200 m')).toEqual([
			'DASD 0200 not linked; R/W by DATAOWN at ITSOSSI3',
			'Mode M links only when no other user has R/W access to DATAOWN 0200 on any member of SSI cluster ITSOSSIA (MR links read-only instead)'
		]);
		expect(send(sim, 'LNXA', 'link dataown 200 200 mr')).toEqual([
			'DASD 0200 forced R/O; R/W by DATAOWN at ITSOSSI3'
		]);
	});

	it('DATAOWN 0201 is RR: it holds R/O, so W is refused and M links', () => {
		const sim = lab();
		cmd(sim, 'ITSOSSI3', 'xautolog dataown');
		expect(send(sim, 'LNXB', 'link dataown 201 201 w')[0]).toBe(
			'DASD 0201 not linked; R/O by DATAOWN at ITSOSSI3'
		);
		expect(send(sim, 'LNXB', 'link dataown 201 201 m')).toEqual([
			'DASD 0201 linked R/W to DATAOWN 0201'
		]);
	});

	it('an MDISK without a mode is W (CP default): its logged-on owner holds R/W', () => {
		const sim = lab();
		cmd(sim, 'ITSOSSI2', 'xautolog dataown');
		expect(send(sim, 'LNXA', 'link dataown 204 204 r')[0]).toBe(
			'DASD 0204 not linked; R/W by DATAOWN at ITSOSSI2'
		);
	});

	it('logged off, the owner holds nothing: the same link succeeds', () => {
		const sim = lab();
		cmd(sim, 'ITSOSSI3', 'xautolog dataown');
		expect(send(sim, 'LNXA', 'link dataown 200 200 m')[0]).toMatch(/not linked/);
		cmd(sim, 'ITSOSSI3', 'force dataown');
		expect(send(sim, 'LNXA', 'link dataown 200 200 m')).toEqual([
			'DASD 0200 linked R/W to DATAOWN 0200'
		]);
	});

	it("the owner linking its own minidisk (`*`) does not conflict with its MDISK; without a mode it gets the MDISK's", () => {
		const sim = lab();
		cmd(sim, 'ITSOSSI3', 'xautolog dataown');
		expect(send(sim, 'DATAOWN', 'link * 200 300', 'ITSOSSI3')).toEqual([
			'DASD 0300 linked R/W to DATAOWN 0200'
		]);
		expect(links(sim, 'DATAOWN', 'ITSOSSI3')).toEqual(['0300 DATAOWN 0200 MR W']);
	});

	it("without a mode, a link to another user's minidisk is R (CP's default)", () => {
		const sim = lab();
		expect(send(sim, 'LNXA', 'link dataown 200 200')).toEqual([
			'DASD 0200 linked R/O to DATAOWN 0200'
		]);
		expect(links(sim, 'LNXA')).toEqual(['0200 DATAOWN 0200 R R']);
	});
});

describe('what "the same minidisk" is: owner and device number; an IDENTITY SUBCONFIG disk is per member', () => {
	it("MAINT 0190 of each member's SUBCONFIG is a different minidisk: W links on two members", () => {
		const sim = lab();
		expect(send(sim, 'LNXA', 'link maint 190 190 w')).toEqual([
			'DASD 0190 linked R/W to MAINT 0190'
		]);
		expect(send(sim, 'LNXB', 'link maint 190 190 w')).toEqual([
			'DASD 0190 linked R/W to MAINT 0190'
		]);
		expect(links(sim, 'LNXB')).toEqual(['0190 MAINT 0190 W W local']);
		// On the same member it is the same minidisk.
		expect(send(sim, 'LNXD', 'link maint 190 190 w')).toEqual([
			'DASD 0190 not linked; R/W by LNXA at ITSOSSI1',
			'Mode W links only when no other user is linked to MAINT 0190 on ITSOSSI1 (a member-specific minidisk) (WR links read-only instead)'
		]);
	});

	it('MAINT logged on to ITSOSSI2 holds its own 0190 there (RR → R/O), not that of ITSOSSI1', () => {
		const sim = lab();
		cmd(sim, 'ITSOSSI2', 'xautolog maint');
		expect(send(sim, 'LNXB', 'link maint 190 190 w')[0]).toBe(
			'DASD 0190 not linked; R/O by MAINT at ITSOSSI2'
		);
		expect(send(sim, 'LNXA', 'link maint 190 190 w')).toEqual([
			'DASD 0190 linked R/W to MAINT 0190'
		]);
	});

	it("MAINT's 0193, outside its SUBCONFIGs, is one minidisk for the whole cluster", () => {
		const sim = lab();
		cmd(sim, 'ITSOSSI1', 'xautolog maint');
		cmd(sim, 'ITSOSSI2', 'xautolog maint');
		expect(send(sim, 'LNXC', 'link maint 193 193 w')[0]).toBe(
			'DASD 0193 not linked; R/O by MAINT at ITSOSSI1, R/O by MAINT at ITSOSSI2'
		);
	});

	it('two instances of one IDENTITY on two members are two users to each other', () => {
		const sim = lab();
		cmd(sim, 'ITSOSSI1', 'xautolog maint');
		cmd(sim, 'ITSOSSI2', 'xautolog maint');
		expect(send(sim, 'MAINT', 'link dataown 200 300 w', 'ITSOSSI1')).toEqual([
			'DASD 0300 linked R/W to DATAOWN 0200'
		]);
		expect(send(sim, 'MAINT', 'link dataown 200 300 w', 'ITSOSSI2')[0]).toBe(
			'DASD 0300 not linked; R/W by MAINT at ITSOSSI1'
		);
	});

	it('single logon: a USER holds its links on the one member it is logged on to (001)', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 mw');
		const again = cmd(sim, 'ITSOSSI2', 'xautolog lnxa');
		expect(again.rc).toBe(8);
		expect(body(again)[0]).toMatch(/^LNXA is logged on to ITSOSSI1: a single-configuration user/);
		expect(send(sim, 'LNXB', 'link dataown 200 200 m')[0]).toBe(
			'DASD 0200 not linked; R/W by LNXA at ITSOSSI1'
		);
	});
});

describe('DETACH frees the link (000 Example A-6)', () => {
	it('after send cp lnxa det 200, a write link on another member succeeds', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 w');
		expect(send(sim, 'LNXB', 'link dataown 200 200 w')[0]).toBe(
			'DASD 0200 not linked; R/W by LNXA at ITSOSSI1'
		);
		expect(send(sim, 'LNXA', 'det 200')).toEqual(['0200 DETACHED']);
		expect(links(sim, 'LNXA')).toEqual([]);
		expect(send(sim, 'LNXB', 'link dataown 200 200 w')).toEqual([
			'DASD 0200 linked R/W to DATAOWN 0200'
		]);
	});

	it('a guest logged off holds nothing', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 w');
		cmd(sim, 'ITSOSSI1', 'force lnxa');
		expect(send(sim, 'LNXB', 'link dataown 200 200 w')).toEqual([
			'DASD 0200 linked R/W to DATAOWN 0200'
		]);
	});
});

describe('a relocated guest keeps its links to shared minidisks, now on its new member (000 §3)', () => {
	it('after VMRELOCATE MOVE of LNXA to ITSOSSI2, its R/W link is held at ITSOSSI2', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 mw');
		expect(cmd(sim, 'ITSOSSI1', 'vmrelocate move lnxa itsossi2 async').rc).toBe(0);
		const rel = sim.state.relocations.at(-1)!;
		while (rel.outcome === null && sim.step());
		expect(rel.outcome).toBe('relocated');
		expect(links(sim, 'LNXA', 'ITSOSSI2')).toEqual(['0200 DATAOWN 0200 MW W']);
		expect(send(sim, 'LNXC', 'link dataown 200 200 m')[0]).toBe(
			'DASD 0200 not linked; R/W by LNXA at ITSOSSI2'
		);
	});
});

/** XAUTOLOG `user` on `on`: the console lines it printed there, after `Command accepted`. */
function xautolog(sim: Simulation, user: string, on: string): string[] {
	const from = sim.state.console.length;
	expect(cmd(sim, on, `xautolog ${user}`).rc).toBe(0);
	return sim.state.console
		.slice(from)
		.filter((l) => l.on === on && l.kind === 'output')
		.map((l) => l.text);
}

describe('logon links the directory LINK statements and own MDISKs as LINK would (001 "Cross-System Minidisk Management")', () => {
	it('positive: with no other access, LINK DATAOWN 0200 0200 M holds R/W at logon', () => {
		const sim = lab();
		const lines = xautolog(sim, 'LNXE', 'ITSOSSI2');
		expect(lines.some((l) => l.includes('not linked'))).toBe(false);
		expect(links(sim, 'LNXE', 'ITSOSSI2')).toEqual([
			'0200 DATAOWN 0200 M W',
			'0201 DATAOWN 0201 RR R'
		]);
	});

	it('negative: mode M is not linked while a user on another member writes; the logon goes on', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 mw');
		const lines = xautolog(sim, 'LNXE', 'ITSOSSI2');
		expect(lines).toContain('DASD 0200 not linked; R/W by LNXA at ITSOSSI1');
		expect(lines).toContain(
			'Mode M links only when no other user has R/W access to DATAOWN 0200 on any member of SSI cluster ITSOSSIA (MR links read-only instead)'
		);
		expect(links(sim, 'LNXE', 'ITSOSSI2')).toEqual(['0201 DATAOWN 0201 RR R']);
	});

	it('MR gets the alternate read-only access while another member writes, with the notice', () => {
		const sim = lab();
		send(sim, 'LNXA', 'link dataown 200 200 mw');
		expect(xautolog(sim, 'LNXF', 'ITSOSSI3')).toContain(
			'DASD 0300 forced R/O; R/W by LNXA at ITSOSSI1'
		);
		expect(links(sim, 'LNXF', 'ITSOSSI3')).toEqual(['0300 DATAOWN 0200 MR R']);
	});

	it("the owner's MDISK 0200 (MR) is R/O when it logs on while another member writes", () => {
		const sim = lab();
		send(sim, 'LNXB', 'link dataown 200 200 mw');
		expect(xautolog(sim, 'DATAOWN', 'ITSOSSI3')).toContain(
			'DASD 0200 forced R/O; R/W by LNXB at ITSOSSI2'
		);
		const owner = sim.state.cluster.guests.find((g) => g.user === 'DATAOWN')!;
		const d200 = owner.devices.find((d) => d.vdev === '0200');
		expect(d200 && d200.kind === 'mdisk' ? d200.access : null).toBe('R');
	});

	it("the owner's MDISK 0204 (no mode: W) is not linked while another member reads it", () => {
		const sim = lab();
		send(sim, 'LNXB', 'link dataown 204 204 rr');
		expect(xautolog(sim, 'DATAOWN', 'ITSOSSI3')).toContain(
			'DASD 0204 not linked; R/O by LNXB at ITSOSSI2'
		);
		const owner = sim.state.cluster.guests.find((g) => g.user === 'DATAOWN')!;
		expect(owner.devices.some((d) => d.vdev === '0204')).toBe(false);
	});
});

describe('Safe mode: new access to shared minidisks is locked down (001, 000 §2.4)', () => {
	it('a link to a cluster-wide minidisk is refused; a member-specific one still links', () => {
		const sim = lab();
		sim.runUntil(sec(5));
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI4' } });
		sim.runUntil(sec(40));
		expect(sim.state.cluster.mode).toBe('Safe');
		expect(send(sim, 'LNXA', 'link dataown 200 200 rr')).toEqual([
			'DASD 0200 not linked; ITSOSSI1 cannot check the links to DATAOWN 0200 on the other members (the cluster is in Safe mode)',
			'New access to shared minidisks is locked down until the failure is resolved'
		]);
		expect(send(sim, 'LNXA', 'link maint 190 190 rr')).toEqual([
			'DASD 0190 linked R/O to MAINT 0190'
		]);
	});
});

describe('VMRELOCATE TEST sees the links LINK makes (000 A.1.2, HCPRLI1996I)', () => {
	it('a link to a member-specific minidisk is a link to a local minidisk; a shared one is not', () => {
		const sim = lab();
		expect(body(cmd(sim, 'ITSOSSI1', 'vmrelocate test lnxa itsossi2'))).toEqual([
			'User LNXA is eligible for relocation to ITSOSSI2'
		]);
		send(sim, 'LNXA', 'link maint 190 290 rr');
		send(sim, 'LNXA', 'link dataown 200 200 rr');
		const r = cmd(sim, 'ITSOSSI1', 'vmrelocate test lnxa itsossi2');
		expect(body(r)).toContain(
			'HCPRLI1996I LNXA: Virtual machine device 0290 is a link to a local minidisk'
		);
		expect(body(r).join('\n')).not.toMatch(/device 0200/);
		send(sim, 'LNXA', 'det 290');
		expect(body(cmd(sim, 'ITSOSSI1', 'vmrelocate test lnxa itsossi2'))).toEqual([
			'User LNXA is eligible for relocation to ITSOSSI2'
		]);
	});
});

describe('bad operands and missing users', () => {
	it('a missing operand is HCPCMD026E', () => {
		const sim = lab();
		for (const text of ['', 'dataown', 'dataown 200', 'to dataown 200 as'])
			expect(link(sim, 'LNXA', text), text).toEqual({
				rc: 26,
				lines: ['HCPCMD026E Operand missing or invalid']
			});
		expect(send(sim, 'LNXA', 'link dataown 200')).toEqual([
			'HCPCMD026E Operand missing or invalid'
		]);
	});

	it('an invalid operand is HCPCMD003E naming it', () => {
		const sim = lab();
		const cases: [string, string][] = [
			['dataown 2g0 200', '2G0'],
			['dataown 200 12345', '12345'],
			['dataown 200 300 x', 'X'],
			['dataown 200 300 mwv', 'MWV'],
			['dataown 200 300 rr pass=secret', 'PASS=SECRET'],
			['data.own 200 300', 'DATA.OWN']
		];
		for (const [text, word] of cases)
			expect(link(sim, 'LNXA', text), text).toEqual({
				rc: 3,
				lines: [`HCPCMD003E Invalid option - ${word}`]
			});
		expect(links(sim, 'LNXA')).toEqual([]);
	});

	it('an owner not in the directory, a device it does not have, a device number in use', () => {
		const sim = lab();
		expect(link(sim, 'LNXA', 'nobody 200 200')).toEqual({
			rc: 8,
			lines: ['NOBODY not in CP directory']
		});
		expect(link(sim, 'LNXA', 'dataown 999 200')).toEqual({
			rc: 8,
			lines: ['DASD 0200 not linked; DATAOWN has no minidisk 0999 in the CP directory']
		});
		// MAINT's 0190 is in its SUBCONFIGs, its 0191 nowhere.
		expect(link(sim, 'LNXA', 'maint 191 191').lines).toEqual([
			'DASD 0191 not linked; MAINT has no minidisk 0191 in the CP directory for ITSOSSI1'
		]);
		expect(link(sim, 'LNXA', 'dataown 200 9')).toEqual({
			rc: 8,
			lines: ['LNXA already has a device at 0009']
		});
	});

	it('a guest not logged on (HCPCQU045E), or logged on elsewhere; the operator is not a guest', () => {
		const sim = lab();
		expect(body(cmd(sim, 'ITSOSSI1', 'send cp nobody link dataown 200 200'))).toEqual([
			'HCPCQU045E NOBODY not logged on'
		]);
		expect(body(cmd(sim, 'ITSOSSI1', 'send cp lnxb link dataown 200 200'))).toEqual([
			'HCPCQU045E LNXB not logged on',
			'LNXB is logged on to ITSOSSI2: use AT ITSOSSI2 CMD SEND CP LNXB ...'
		]);
		expect(body(cmd(sim, 'ITSOSSI1', 'link dataown 200 200'))).toEqual([
			'OPERATOR has no virtual machine in the simulator: send the command to a guest with SEND CP userid'
		]);
		// Through AT it reaches the guest's member.
		const from = sim.state.console.length;
		cmd(sim, 'ITSOSSI1', 'at itsossi2 cmd send cp lnxb link dataown 200 200 w');
		expect(sim.state.console.slice(from).map((l) => l.text)).toContain(
			'LNXB    : DASD 0200 linked R/W to DATAOWN 0200'
		);
	});

	it('a scenario without a USER DIRECT has no minidisks to link', () => {
		const sim = boot('itsossia');
		expect(send(sim, 'ITSOLNX1', 'link maint 190 190 rr', 'ITSOSSI1')).toEqual([
			'MAINT not in CP directory (the scenario has no USER DIRECT)'
		]);
	});
});

describe('determinism', () => {
	it('replaying a session of links gives the same state, byte for byte', () => {
		const sim = lab();
		const steps: [number, string, string][] = [
			[sec(2), 'ITSOSSI3', 'xautolog dataown'],
			[sec(4), 'ITSOSSI1', 'send cp lnxa link dataown 201 201 mr'],
			[sec(6), 'ITSOSSI2', 'send cp lnxb link dataown 200 200 mr'],
			[sec(8), 'ITSOSSI1', 'send cp lnxa link maint 190 190 rr'],
			[sec(10), 'ITSOSSI1', 'send cp lnxa det 190'],
			[sec(12), 'ITSOSSI3', 'send cp lnxc link dataown 202 202 mw'],
			[sec(14), 'ITSOSSI2', 'send cp lnxb link dataown 202 202 mw']
		];
		for (const [at, on, text] of steps) {
			sim.runUntil(at);
			cmd(sim, on, text);
		}
		sim.runUntil(sec(30));
		const again = replay(lab().state, sim.state.inputs, sec(30));
		expect(again.snapshot()).toBe(sim.snapshot());
		expect(Simulation.restore(sim.snapshot()).snapshot()).toBe(sim.snapshot());
		expect(links(again, 'LNXB')).toEqual(['0200 DATAOWN 0200 MR R']);
	});
});
