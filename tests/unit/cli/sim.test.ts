import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '$lib/core/report';
import { BUILTIN_IDS } from '$lib/core/scenarios/index';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** Each run starts Node and tsx (about half a second); leave room on a loaded machine. */
const SLOW = { timeout: 30_000 };

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** `npm run sim -- …` without npm: the CLI under tsx, from the repository root. */
function sim(...args: string[]): Run {
	const r = spawnSync(TSX, ['src/cli/sim.ts', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 30_000,
		env: { ...process.env, NO_COLOR: '1' }
	});
	if (r.error) throw r.error;
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Asserts a refused run: exit code 2, a `sim:` message on stderr matching `re`, nothing on stdout. */
function expectRefused(r: Run, re: RegExp): void {
	expect(r.status, r.stderr).toBe(2);
	expect(r.stdout).toBe('');
	expect(r.stderr).toMatch(/^sim: /);
	expect(r.stderr).toMatch(re);
}

let dir: string;
let seeded: Run;
let seededAgain: Run;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'quiesce-sim-'));
	seeded = sim('itsossib', '--seed', '3');
	seededAgain = sim('itsossib', '--seed', '3');
}, 60_000);

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

/** The two-member ITSOSSIB cluster the file-based runs start from. */
const TWO_MEMBERS = {
	start: '2011-11-11T11:10:30',
	cluster: {
		name: 'ITSOSSIB',
		members: [
			{ name: 'ITSOSSI5', slot: 1, storage: '32G', paging: '7G' },
			{ name: 'ITSOSSI6', slot: 2, storage: '32G', paging: '7G' }
		],
		links: [{ between: ['ITSOSSI5', 'ITSOSSI6'] }]
	}
};

describe('npm run sim -- --list', SLOW, () => {
	it('prints JSON naming every built-in scenario with its title and source', () => {
		const r = sim('--list');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toBe('');
		const list = JSON.parse(r.stdout) as { id: string; title?: string; source?: string }[];
		expect(list.map((s) => s.id)).toEqual(BUILTIN_IDS);
		for (const s of list) {
			expect(s.title, s.id).toEqual(expect.any(String));
			expect(s.source, s.id).toMatch(/^00[01] /);
		}
	});
});

describe('npm run sim -- <built-in id>', SLOW, () => {
	it('prints one JSON report with members, cluster mode, log and console', () => {
		const r = sim('itsossib');
		expect(r.status, r.stderr).toBe(0);
		expect(r.stderr).toBe('');
		const report = JSON.parse(r.stdout) as RunReport;
		expect(report.scenario).toBe('itsossib');
		expect(report.seed).toBe(7);
		expect(report.untilMs).toBe(60_000);
		expect(report.cluster).toEqual({ name: 'ITSOSSIB', mode: 'Stable' });
		expect(report.members.map((m) => [m.name, m.slot, m.state, m.pdrState])).toEqual([
			['ITSOSSI5', 1, 'Joined', 'Joined'],
			['ITSOSSI6', 2, 'Joined', 'Joined']
		]);
		expect(report.log[0]).toEqual({ t: 0, kind: 'sim.start', scenario: 'itsossib', seed: 7 });
		expect(report.log).toContainEqual({
			t: 5000,
			kind: 'command',
			on: 'ITSOSSI5',
			user: 'OPERATOR',
			text: 'Q SSI',
			rc: 0
		});
		// The scripted Q SSI at 5 s, with the simulated clock (start 11:10:30) in its Ready line.
		expect(report.console[0]).toEqual({ t: 5000, on: 'ITSOSSI5', kind: 'input', text: 'Q SSI' });
		expect(report.console.at(-1)).toEqual({
			t: 5000,
			on: 'ITSOSSI5',
			kind: 'output',
			text: 'Ready; T=0.01/0.01 11:10:35'
		});
	});

	it('--seed sets the report’s seed, and the same seed gives byte-identical output', () => {
		expect(seeded.status, seeded.stderr).toBe(0);
		const report = JSON.parse(seeded.stdout) as RunReport;
		expect(report.seed).toBe(3);
		expect(report.log[0]).toMatchObject({ kind: 'sim.start', seed: 3 });
		expect(seededAgain.stdout).toBe(seeded.stdout);
	});
});

describe('npm run sim: relocations (issue 3, "Output for tools")', SLOW, () => {
	it('reports every relocation: user, from, to, options, outcome, messages, passes, times, pages', () => {
		const r = sim('gdl');
		expect(r.status, r.stderr).toBe(0);
		const report = JSON.parse(r.stdout) as RunReport;
		expect(report.relocations.map((x) => [x.id, x.user, x.from, x.to, x.outcome])).toEqual([
			[1, 'LGRLIN21', 'GDLMCPX4', 'GDLLCPX3', 'relocated'],
			[2, 'LGRLIN21', 'GDLLCPX3', 'GDLMCPX4', 'cancelled'],
			[3, 'LGRLIN21', 'GDLLCPX3', 'GDLMCPX4', 'relocated']
		]);
		const [first, cancelled] = report.relocations;
		expect(Object.keys(first!)).toEqual([
			'id',
			'user',
			'from',
			'to',
			'by',
			'options',
			'outcome',
			'phase',
			'messages',
			'guestConsole',
			'passes',
			'phases',
			'totalMs',
			'quiesceMs',
			'pagesSent',
			'startMs',
			'endMs'
		]);
		expect(first).toMatchObject({
			by: 'CELESKEY',
			options: {
				mode: 'ASYNCHRONOUS',
				immediate: false,
				maxTotal: 10,
				maxQuiesce: 10,
				force: []
			},
			phase: 'Relocated',
			messages: [
				'Relocation of LGRLIN21 from GDLMCPX4 to GDLLCPX3 started',
				'User LGRLIN21 has been relocated from GDLMCPX4 to GDLLCPX3'
			],
			startMs: 25_000
		});
		expect(first!.totalMs).toBe(first!.endMs! - first!.startMs);
		expect(first!.passes.map((p) => Object.keys(p))).toEqual(
			first!.passes.map(() => ['n', 'pages', 'startMs', 'endMs', 'quiesced'])
		);
		expect(first!.passes.map((p) => [p.n, p.quiesced])).toEqual([
			[1, false],
			[2, true],
			[3, true]
		]);
		expect(first!.pagesSent).toBe(first!.passes.reduce((a, p) => a + p.pages, 0));
		expect(first!.quiesceMs).toBeGreaterThan(0);
		// The phases it entered after Eligibility, with their times: those of the log's entries.
		expect(first!.phases.map((p) => p.phase)).toEqual([
			'CreatingSkeleton',
			'MovingMemory',
			'MovingGuest',
			'FinalMemCopy',
			'Resuming',
			'CleaningUp',
			'Relocated'
		]);
		expect(first!.phases).toEqual(
			report.log.flatMap((e) =>
				e.kind === 'relocation.phase' && e.id === 1 ? [{ phase: e.to, t: e.t }] : []
			)
		);
		expect(first!.phases.at(-1)!.t).toBe(first!.endMs);
		expect(cancelled!.phases.at(-1)!.phase).toBe('Cancelled');
		expect(cancelled!.messages.at(-1)).toBe(
			'Relocation of user LGRLIN21 from GDLLCPX3 to GDLMCPX4 has been canceled by CELESKEY on GDLMCPX4.'
		);
		expect(cancelled!.totalMs).toBe(2_000);
		expect(cancelled!.quiesceMs).toBe(0);
		expect(report.log).toContainEqual(
			expect.objectContaining({ kind: 'relocation.end', id: 2, outcome: 'cancelled' })
		);
	});

	it('a rejected MOVE is reported with its HCPRLH1940E lines, an in-progress one with outcome null', () => {
		const file = join(dir, 'reject.json');
		writeFileSync(
			file,
			JSON.stringify({
				name: 'reject',
				...TWO_MEMBERS,
				guests: [
					{ user: 'LNXA', on: 'ITSOSSI5', status: 'logged-on' },
					{ user: 'LNXB', on: 'ITSOSSI5', workload: 'database' }
				],
				script: [
					{ at: '1s', on: 'ITSOSSI5', command: 'vmrelocate move lnxa itsossi6' },
					{ at: '2s', on: 'ITSOSSI5', command: 'vmrelocate move lnxb itsossi6 async' }
				]
			})
		);
		const r = sim(file, '--until', '3s');
		expect(r.status, r.stderr).toBe(0);
		const [rejected, running] = (JSON.parse(r.stdout) as RunReport).relocations;
		expect(rejected).toMatchObject({
			outcome: 'rejected',
			phase: 'Rejected',
			passes: [],
			pagesSent: 0,
			totalMs: 0,
			messages: [
				'Relocation of user LNXA from ITSOSSI5 to ITSOSSI6 did not complete. Guest has not been moved',
				'HCPRLH1940E LNXA is not relocatable for the following reason(s):',
				'HCPRLE1950I LNXA: Virtual machine is not running disconnected'
			]
		});
		expect(running).toMatchObject({
			outcome: null,
			phase: 'MovingMemory',
			endMs: null,
			totalMs: 1_000
		});
		expect(running!.pagesSent).toBeGreaterThan(0);
	});
});

describe('npm run sim -- <file> with --until', SLOW, () => {
	it('runs a scenario file to the given simulated time', () => {
		const file = join(dir, 'abend.json');
		writeFileSync(
			file,
			JSON.stringify({
				name: 'abend',
				...TWO_MEMBERS,
				script: [
					{ at: '5s', fault: { kind: 'member.abend', member: 'ITSOSSI6' } },
					{ at: '1m', on: 'ITSOSSI5', command: 'q ssi' }
				]
			})
		);
		const r = sim(file, '--until', '90s');
		expect(r.status, r.stderr).toBe(0);
		const report = JSON.parse(r.stdout) as RunReport;
		expect(report.untilMs).toBe(90_000);
		// The survivor cannot determine the abended member's state: Unknown, Safe (000 §2.4).
		expect(report.cluster.mode).toBe('Safe');
		expect(report.members.find((m) => m.name === 'ITSOSSI6')).toMatchObject({
			state: 'Down',
			pdrState: 'Joined'
		});
		const texts = report.console.map((c) => c.text);
		expect(texts).toContainEqual(expect.stringMatching(/^\s+2 ITSOSSI6 Unknown /));
		expect(texts.at(-1)).toBe('Ready; T=0.01/0.01 11:11:30');
	});
});

describe(
	'bad input exits non-zero with a clear message on stderr and nothing on stdout',
	SLOW,
	() => {
		it('an unknown built-in id', () => {
			expectRefused(
				sim('nosuch'),
				/nosuch is neither a file nor a built-in scenario \(built-in: itsossib, /
			);
		});

		it('a missing file', () => {
			const missing = join(dir, 'missing.json');
			expectRefused(
				sim(missing),
				new RegExp(`${missing.replace(/[.]/g, '\\.')} is neither a file`)
			);
		});

		it('a file that is not valid JSON names the line and column', () => {
			const file = join(dir, 'bad.json');
			writeFileSync(file, '{\n  "name": "bad",\n  "cluster": ,\n}\n');
			expectRefused(sim(file), /is not a valid scenario:\n {2}line 3, column 14: not valid JSON: /);
		});

		it('a file that is JSON but not a valid scenario names each JSON path', () => {
			const file = join(dir, 'invalid.json');
			writeFileSync(
				file,
				JSON.stringify({
					name: 'x',
					cluster: { name: 'C', members: [{ name: 'A', storage: '32Q', paging: '1G' }] },
					guests: [{ user: 'U', on: 'B' }]
				})
			);
			const r = sim(file);
			expectRefused(r, /cluster\.members\[0\]\.storage: "32Q" is not a z\/VM size/);
			expect(r.stderr).toMatch(/guests\[0\]\.on: no member named B/);
		});

		it('a bad --seed', () => {
			expectRefused(sim('itsossib', '--seed', 'x'), /--seed needs an integer 0-4294967295, got x/);
		});
	}
);
