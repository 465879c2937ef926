import { describe, expect, it } from 'vitest';
import { buildInitialState } from '$lib/core/model/build';
import { builtinJson } from '$lib/core/scenarios/index';
import type { SimInput, TimedInput } from '$lib/core/sim/events';
import { Simulation, replay } from '$lib/core/simulation';
import { deflateRaw, packText, toBase64Url } from '$lib/state/url-codec';
import {
	URL_STATE_LIMITS,
	checkTimedInputs,
	decodeUrlState,
	encodeRecording,
	encodeUrlState,
	type ScenarioJson,
	type UrlState,
	type UrlStateResult
} from '$lib/state/url-state';
import { resolveScenario } from '$lib/state/scenario-ref';
import { randomSource } from '../helpers';

const relocate: SimInput = {
	kind: 'command',
	on: 'ITSOSSI1',
	text: 'vmrelocate move itsolnx1 to itsossi2'
};

/** Four inputs of three kinds, one at a time that is not a whole millisecond. */
const someInputs: TimedInput[] = [
	{
		at: 5_000,
		input: { kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate test itsolnx1 to itsossi2' }
	},
	{ at: 8_000, input: relocate },
	{
		at: 9_000.25,
		input: {
			kind: 'fault',
			fault: { kind: 'ctc.fail', link: 'ITSOSSI1-ITSOSSI2', chpid: '4A', ctc: 0 }
		}
	},
	{ at: 30_000, input: { kind: 'shutdown', member: 'ITSOSSI4', reipl: true } }
];

function itsossibJson(): ScenarioJson {
	return structuredClone(builtinJson('itsossib')) as ScenarioJson;
}

async function roundTrip(s: UrlState): Promise<UrlState> {
	const r = await decodeUrlState(await encodeUrlState(s));
	if (!r.ok) throw new Error(r.errors.join('\n'));
	return r.value;
}

/** Runs a scenario, applying each input at its time and another at the next event after it. */
function session(
	json: unknown,
	seed: number,
	inputs: [number, SimInput][],
	until: number
): Simulation {
	const r = resolveScenario(
		typeof json === 'string' ? { builtin: json } : { inline: json as ScenarioJson }
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const sim = new Simulation(buildInitialState(r.value, seed));
	for (const [at, input] of inputs) {
		sim.runUntil(at);
		sim.apply(input);
		// Something typed at an event's own time too, as after a single step.
		sim.step();
		sim.apply({ kind: 'command', on: 'ITSOSSI2', text: 'vmrelocate status' });
	}
	sim.runUntil(until);
	return sim;
}

/** The state a sender's page would put in the link. */
function linkOf(scenario: UrlState['scenario'], seed: number, sim: Simulation): UrlState {
	return { scenario, seed, inputs: sim.state.inputs, t: sim.now };
}

function replayLink(s: UrlState): Simulation {
	const r = resolveScenario(s.scenario);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return replay(buildInitialState(r.value, s.seed), s.inputs, s.t);
}

describe('round trip', () => {
	it('gives back a built-in state with every field', async () => {
		const s: UrlState = {
			scenario: { builtin: 'itsossia' },
			seed: 4_294_967_295,
			inputs: someInputs,
			t: 61_234.567,
			speed: 0.1
		};
		expect(await roundTrip(s)).toEqual(s);
	});

	it('gives back an inline scenario and no inputs', async () => {
		const s: UrlState = { scenario: { inline: itsossibJson() }, seed: 0, inputs: [], t: 0 };
		const encoded = await encodeUrlState(s);
		expect(encoded).not.toContain('inputs=');
		expect(await roundTrip(s)).toEqual(s);
	});

	it('is deterministic and URL-safe', async () => {
		const s: UrlState = {
			scenario: { builtin: 'itsossia' },
			seed: 1,
			inputs: someInputs,
			t: 40_000
		};
		const a = await encodeUrlState(s);
		expect(await encodeUrlState(structuredClone(s))).toBe(a);
		expect(a).toMatch(/^v=1&scenario=itsossia&seed=1&t=40000&inputs=[A-Za-z0-9_-]+$/);
		expect(encodeURIComponent(a.replace(/[=&]/g, ''))).toBe(a.replace(/[=&]/g, ''));
	});

	it('reads the state from a query string or a hash', async () => {
		const s: UrlState = { scenario: { builtin: 'gdl' }, seed: 3, inputs: [], t: 1_500 };
		const e = await encodeUrlState(s);
		for (const search of [e, `?${e}`, `#${e}`, `${e}&lesson=2&utm_source=x`]) {
			expect(await decodeUrlState(search)).toEqual({ ok: true, value: s });
		}
	});

	it('writes inputs field by field: extra fields are dropped, key order does not matter', async () => {
		const messy = [
			{ input: { text: 'q ssi', junk: 1, on: 'ITSOSSI1', kind: 'command' }, at: 1, extra: true }
		] as unknown as TimedInput[];
		const s: UrlState = { scenario: { builtin: 'itsossia' }, seed: 1, inputs: messy, t: 10 };
		const back = await roundTrip(s);
		expect(back.inputs).toEqual([
			{ at: 1, input: { kind: 'command', on: 'ITSOSSI1', text: 'q ssi' } }
		]);
		expect(JSON.stringify(back.inputs[0])).toBe(
			'{"at":1,"input":{"kind":"command","on":"ITSOSSI1","text":"q ssi"}}'
		);
	});

	it('keeps typical links short (a built-in and a handful of inputs)', async () => {
		const s: UrlState = {
			scenario: { builtin: 'itsossia' },
			seed: 1,
			inputs: someInputs,
			t: 90_000
		};
		expect((await encodeUrlState(s)).length).toBeLessThan(400);
		const small: UrlState = {
			scenario: { inline: itsossibJson() },
			seed: 1,
			inputs: someInputs,
			t: 90_000
		};
		expect((await encodeUrlState(small)).length).toBeLessThan(2_000);
	});
});

describe('a link reproduces what the sender saw', () => {
	it.each([
		[47_123.5, null],
		[90_000, 'terminated']
	])(
		'replaying a decoded built-in link to t=%d gives the same snapshot, byte for byte (relocation outcome %s)',
		async (t, outcome) => {
			const steps: [number, SimInput][] = [
				[3_000, { kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate test itsolnx1 to itsossi2' }],
				[6_000, relocate],
				[
					7_000,
					{ kind: 'fault', fault: { kind: 'chpid.fail', link: 'ITSOSSI1-ITSOSSI2', chpid: '4A' } }
				],
				[20_000, { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI4' } }],
				[25_000.75, { kind: 'command', on: 'ITSOSSI3', text: 'q ssi' }]
			];
			const sim = session('itsossia', 7, steps, t);
			// The MOVE is under way at the first t (memory moving over half the CTCs); at the second, the
			// abend of ITSOSSI4 has put the cluster in Safe mode and the re-check has ended it.
			expect(sim.state.relocations.map((r) => r.outcome)).toEqual([outcome]);
			expect(sim.state.inputs.some((i) => !Number.isInteger(i.at))).toBe(true);

			const link = await roundTrip(linkOf({ builtin: 'itsossia' }, 7, sim));
			const again = replayLink(link);
			expect(again.snapshot()).toBe(sim.snapshot());
			// And not by accident: another seed or a missing input gives another run.
			expect(replayLink({ ...link, seed: 8 }).snapshot()).not.toBe(sim.snapshot());
			expect(replayLink({ ...link, inputs: link.inputs.slice(1) }).snapshot()).not.toBe(
				sim.snapshot()
			);
		}
	);

	it('replaying a decoded inline link gives the same snapshot', async () => {
		const json = itsossibJson();
		json.title = 'An edited scenario';
		const sim = session(
			json,
			5,
			[[4_000, { kind: 'command', on: 'ITSOSSI1', text: 'q ssi' }]],
			30_000
		);
		const link = await roundTrip(linkOf({ inline: json }, 5, sim));
		expect(replayLink(link).snapshot()).toBe(sim.snapshot());
	});
});

/** A hand-made link: the given parameters, raw. */
function q(params: Record<string, string>): string {
	return new URLSearchParams(params).toString();
}

const base = { v: '1', scenario: 'itsossia', seed: '1', t: '60000' };

async function packJson(v: unknown): Promise<string> {
	return packText(typeof v === 'string' ? v : JSON.stringify(v));
}

async function withInputs(inputs: unknown, t = '60000'): Promise<string> {
	return q({ ...base, t, inputs: await packJson(inputs) });
}

async function errorsOf(search: string): Promise<string[]> {
	const r = await decodeUrlState(search);
	expect(r.ok).toBe(false);
	return r.ok ? [] : r.errors;
}

const cmd = (text: string, on = 'ITSOSSI1') => ({ at: 1, input: { kind: 'command', on, text } });

describe('errors name the parameter and what is wrong', () => {
	const cases: [string, () => string | Promise<string>, string][] = [
		['empty', () => '', 'v: missing'],
		['not ours', () => 'foo=bar', 'v: missing'],
		['a later version', () => q({ ...base, v: '2' }), 'v: version "2" is not supported'],
		['a parameter twice', () => `${q(base)}&seed=2`, 'seed: given 2 times'],
		[
			'an unknown built-in',
			() => q({ ...base, scenario: 'nosuch' }),
			'scenario: no built-in scenario "nosuch"'
		],
		[
			'a prototype name as a built-in',
			() => q({ ...base, scenario: '__proto__' }),
			'scenario: no built-in scenario "__proto__"'
		],
		['no scenario', () => q({ v: '1', seed: '1', t: '0' }), 'scenario: missing'],
		[
			'both scenario and inline',
			async () => q({ ...base, inline: await packJson(itsossibJson()) }),
			'scenario, inline: give either'
		],
		['no seed', () => q({ v: '1', scenario: 'gdl', t: '0' }), 'seed: missing'],
		['a seed that is a word', () => q({ ...base, seed: 'abc' }), 'seed: "abc" is not an integer'],
		['a negative seed', () => q({ ...base, seed: '-1' }), 'seed: "-1" is not an integer'],
		['a fractional seed', () => q({ ...base, seed: '1.5' }), 'seed: "1.5" is not an integer'],
		[
			'a seed past 32 bits',
			() => q({ ...base, seed: '4294967296' }),
			'seed: "4294967296" is not an integer 0-4294967295'
		],
		[
			'a huge seed',
			() => q({ ...base, seed: '9'.repeat(400) }),
			'seed: "9999999999999999999999999999999999999999…" is not'
		],
		['no time', () => q({ v: '1', scenario: 'gdl', seed: '1' }), 't: missing'],
		['a negative time', () => q({ ...base, t: '-5' }), 't: "-5" is negative'],
		[
			'a time that is a word',
			() => q({ ...base, t: 'soon' }),
			't: "soon" is not a non-negative number'
		],
		['an infinite time', () => q({ ...base, t: 'Infinity' }), 't: "Infinity" is not'],
		['an absurd time', () => q({ ...base, t: '1e12' }), 't: 1e12 ms is more than the 86400000 ms'],
		['a hex time', () => q({ ...base, t: '0x10' }), 't: "0x10" is not'],
		[
			'a speed too slow',
			() => q({ ...base, speed: '0.01' }),
			'speed: 0.01 is out of range 0.1-1000'
		],
		['a speed too fast', () => q({ ...base, speed: '5000' }), 'speed: 5000 is out of range'],
		['an empty inputs', () => q({ ...base, inputs: '' }), 'inputs: empty'],
		[
			'base64 garbage',
			() => q({ ...base, inputs: 'not base64!' }),
			'inputs: not valid base64url (" " at character 4)'
		],
		['standard base64', () => q({ ...base, inputs: 'ab+/' }), 'inputs: not valid base64url'],
		[
			'a bad base64 length',
			() => q({ ...base, inputs: 'abcde' }),
			'inputs: not valid base64url (a length of 5'
		],
		[
			'base64 of something not deflated',
			() => q({ ...base, inputs: 'AQIDBAUG' }),
			'inputs: not valid compressed data'
		],
		[
			'a decompression bomb',
			async () => q({ ...base, inputs: toBase64Url(await deflateRaw(new Uint8Array(50_000_000))) }),
			`inputs: decompresses to more than ${URL_STATE_LIMITS.maxInputsBytes} bytes`
		],
		['JSON syntax', () => withInputs('[{"at": 1,'), 'inputs: not valid JSON'],
		[
			'inputs not a list',
			() => withInputs({ at: 1 }),
			'inputs: must be a list of { at, input } (got an object)'
		],
		[
			'an input that is not an object',
			() => withInputs([42]),
			'inputs[0]: must be an object { at, input } (got 42)'
		],
		[
			'too many inputs',
			() => withInputs(Array.from({ length: 1001 }, () => cmd('q ssi'))),
			'inputs: 1001 inputs; a link holds at most 1000'
		],
		[
			'an unknown input kind',
			() => withInputs([{ at: 1, input: { kind: 'reboot', member: 'X' } }]),
			'inputs[0].input.kind: unknown input kind "reboot"'
		],
		[
			'a missing input',
			() => withInputs([{ at: 1 }]),
			'inputs[0].input: must be an object with a kind (got missing)'
		],
		[
			'an unknown field',
			() => withInputs([{ at: 1, input: { kind: 'ipl', member: 'A', boot: 1 } }]),
			'inputs[0].input.boot: unknown field'
		],
		[
			'a member name too long',
			() => withInputs([cmd('q ssi', 'ITSOSSI12')]),
			'inputs[0].input.on: "ITSOSSI12" is not a member name (1-8 letters'
		],
		[
			'a member name with a space',
			() => withInputs([{ at: 1, input: { kind: 'ipl', member: 'A B' } }]),
			'inputs[0].input.member: "A B" is not a member name'
		],
		[
			'a member name that is a number',
			() => withInputs([{ at: 1, input: { kind: 'ipl', member: 7 } }]),
			'inputs[0].input.member: must be a member name (got 7)'
		],
		[
			'a bad user ID',
			() => withInputs([{ ...cmd('q ssi'), input: { ...cmd('q ssi').input, user: '' } }]),
			'inputs[0].input.user: "" is not a user ID'
		],
		[
			'a command too long',
			() => withInputs([cmd('q'.repeat(513))]),
			'inputs[0].input.text: 513 characters; a command line has at most 512'
		],
		[
			'an empty command',
			() => withInputs([cmd('   ')]),
			'inputs[0].input.text: an empty command line'
		],
		[
			'a control character',
			() => withInputs([cmd('q ssi\nlogoff')]),
			'inputs[0].input.text: contains the control character U+000A at 6'
		],
		[
			'a non-boolean reipl',
			() => withInputs([{ at: 1, input: { kind: 'shutdown', member: 'A', reipl: 'yes' } }]),
			'inputs[0].input.reipl: must be true or false'
		],
		[
			'an unknown fault',
			() => withInputs([{ at: 1, input: { kind: 'fault', fault: { kind: 'meteor' } } }]),
			'inputs[0].input.fault.kind: unknown fault kind "meteor"'
		],
		[
			'a bad link id',
			() =>
				withInputs([{ at: 1, input: { kind: 'fault', fault: { kind: 'link.sever', link: 'A' } } }]),
			'inputs[0].input.fault.link: "A" is not a link id'
		],
		[
			'a bad CHPID',
			() =>
				withInputs([
					{
						at: 1,
						input: { kind: 'fault', fault: { kind: 'chpid.fail', link: 'A-B', chpid: '4AB' } }
					}
				]),
			'inputs[0].input.fault.chpid: "4AB" is not a CHPID'
		],
		[
			'a CTC out of range',
			() =>
				withInputs([
					{
						at: 1,
						input: { kind: 'fault', fault: { kind: 'ctc.fail', link: 'A-B', chpid: '4A', ctc: 16 } }
					}
				]),
			'inputs[0].input.fault.ctc: must be an integer 0-15 (got 16)'
		],
		[
			'a negative input time',
			() => withInputs([{ ...cmd('q ssi'), at: -1 }]),
			'inputs[0].at: must be a time in simulated ms, 0 or more (got -1)'
		],
		[
			'an input time that is text',
			() => withInputs([{ ...cmd('q ssi'), at: '5' }]),
			'inputs[0].at: must be a time'
		],
		[
			'inputs out of order',
			() =>
				withInputs([
					{ ...cmd('a'), at: 5 },
					{ ...cmd('b'), at: 4 }
				]),
			'inputs[1].at: 4 is before the previous input (5)'
		],
		[
			'an input after t',
			() => withInputs([{ ...cmd('q ssi'), at: 70_000 }]),
			'inputs[0].at: 70000 is after t (60000)'
		],
		[
			'a __proto__ key',
			() =>
				withInputs('[{"at":1,"input":{"kind":"ipl","member":"A","__proto__":{"polluted":true}}}]'),
			'inputs[0].input: the key "__proto__" is not allowed'
		],
		[
			'a constructor key',
			() =>
				withInputs([{ at: 1, input: { kind: 'ipl', member: 'A', constructor: { prototype: 1 } } }]),
			'inputs[0].input: the key "constructor" is not allowed'
		],
		[
			'deep nesting',
			() => withInputs('['.repeat(5_000) + ']'.repeat(5_000)),
			'nested more than 64 levels deep'
		],
		[
			'inline garbage',
			() => q({ v: '1', inline: '!!', seed: '1', t: '0' }),
			'inline: not valid base64url'
		],
		[
			'inline JSON syntax',
			async () => q({ v: '1', inline: await packJson('{"name": '), seed: '1', t: '0' }),
			'inline: not valid JSON'
		],
		[
			'inline not an object',
			async () => q({ v: '1', inline: await packJson([1, 2]), seed: '1', t: '0' }),
			'inline: a scenario must be a JSON object (got an array)'
		],
		[
			'an inline scenario the validator refuses',
			async () => {
				const j = itsossibJson() as { cluster: { members: { name: string }[] } };
				j.cluster.members[0]!.name = 'TOOLONGNAME';
				return q({ v: '1', inline: await packJson(j), seed: '1', t: '0' });
			},
			'inline.cluster.members[0].name: member name "TOOLONGNAME" must be 1-8 letters'
		],
		[
			'an unknown scenario field',
			async () =>
				q({ v: '1', inline: await packJson({ ...itsossibJson(), evil: 1 }), seed: '1', t: '0' }),
			'inline.evil: unknown field "evil"'
		],
		[
			'a __proto__ key in an inline scenario',
			async () =>
				q({
					v: '1',
					inline: await packText(
						JSON.stringify(itsossibJson()).replace('{', '{"__proto__":{"isAdmin":true},')
					),
					seed: '1',
					t: '0'
				}),
			'inline: the key "__proto__" is not allowed'
		],
		[
			'an inline scenario bomb',
			async () =>
				q({
					v: '1',
					inline: toBase64Url(await deflateRaw(new TextEncoder().encode(' '.repeat(1_000_000)))),
					seed: '1',
					t: '0'
				}),
			`inline: decompresses to more than ${URL_STATE_LIMITS.maxScenarioBytes} bytes`
		],
		[
			'a link too long',
			() => `v=1&x=${'a'.repeat(URL_STATE_LIMITS.maxChars)}`,
			'the link state is 200006 characters long'
		]
	];

	it.each(cases)('%s', async (_name, make, expected) => {
		const errors = await errorsOf(await make());
		expect(errors.join('\n')).toContain(expected);
	});

	it('reports every bad parameter at once', async () => {
		const errors = await errorsOf(
			q({ v: '1', scenario: 'nosuch', seed: 'x', t: '-1', speed: '0' })
		);
		expect(errors.map((e) => e.split(':')[0])).toEqual(['seed', 't', 'speed', 'scenario']);
	});

	it('never lets a __proto__ key reach Object.prototype', async () => {
		await decodeUrlState(
			await withInputs(
				'[{"at":1,"input":{"__proto__":{"polluted":true},"kind":"ipl","member":"A"}}]'
			)
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('never throws on a value that is not a string', async () => {
		for (const v of [undefined, null, 42, {}, []]) {
			expect((await decodeUrlState(v as unknown as string)).ok).toBe(false);
		}
	});
});

describe('checkTimedInputs', () => {
	it('accepts every input kind with optional fields', () => {
		const inputs: TimedInput[] = [
			{ at: 0, input: { kind: 'command', on: 'itsossi1', text: 'q ssi', user: 'MAINT' } },
			{ at: 0, input: { kind: 'ipl', member: 'A@#$' } },
			{ at: 1, input: { kind: 'shutdown', member: 'B' } },
			{
				at: 2,
				input: { kind: 'fault', fault: { kind: 'member.systemId', member: 'A', systemId: 'X' } }
			},
			{
				at: 3,
				input: { kind: 'fault', fault: { kind: 'ctc.repair', link: 'A-B', chpid: '4a', ctc: 15 } }
			},
			{
				at: 4,
				input: { kind: 'fault', fault: { kind: 'chpid.repair', link: 'A-B', chpid: '5A' } }
			},
			{ at: 5, input: { kind: 'fault', fault: { kind: 'link.repair', link: 'A-B' } } }
		];
		const errors: string[] = [];
		expect(checkTimedInputs(inputs, 'inputs', errors, 5)).toEqual(inputs);
		expect(errors).toEqual([]);
	});

	it('stops listing after twenty bad inputs', () => {
		const errors: string[] = [];
		checkTimedInputs(
			Array.from({ length: 100 }, () => 0),
			'inputs',
			errors
		);
		expect(errors).toHaveLength(20);
	});
});

describe('fuzz: decoding never throws, and always gives a state or errors', () => {
	const valid = (r: UrlStateResult) =>
		r.ok
			? typeof r.value.seed === 'number'
			: r.errors.length > 0 && r.errors.every((e) => typeof e === 'string' && e.length > 0);

	it('random strings', async () => {
		const rand = randomSource(2024);
		const alphabet =
			'v=1&scenario=itsossia&seed=t=speed=inputs=inline=%25%00?#+-_./AZaz09\u00e9\u{1F600}';
		const pick = (s: string) => [...s][Math.floor(rand() * [...s].length)]!;
		for (let i = 0; i < 1_500; i++) {
			const n = Math.floor(rand() * 120);
			let s = rand() < 0.5 ? 'v=1&' : '';
			for (let k = 0; k < n; k++) s += pick(alphabet);
			expect(valid(await decodeUrlState(s))).toBe(true);
		}
	});

	it('mutations of a good link', async () => {
		const rand = randomSource(99);
		const good = await encodeUrlState({
			scenario: { builtin: 'itsossia' },
			seed: 1,
			inputs: someInputs,
			t: 60_000
		});
		const chars = 'AZaz09-_=&%.!';
		let stillOk = 0;
		for (let i = 0; i < 800; i++) {
			const a = [...good];
			for (let m = 1 + Math.floor(rand() * 3); m > 0; m--) {
				const at = Math.floor(rand() * a.length);
				const op = rand();
				if (op < 0.4) a[at] = chars[Math.floor(rand() * chars.length)]!;
				else if (op < 0.7) a.splice(at, 1);
				else a.splice(at, 0, chars[Math.floor(rand() * chars.length)]!);
			}
			const r = await decodeUrlState(a.join(''));
			expect(valid(r)).toBe(true);
			if (r.ok) stillOk++;
		}
		expect(stillOk).toBeLessThan(800);
	});

	it('random JSON as the input list', async () => {
		const rand = randomSource(5);
		const leaves = [
			0,
			-1,
			1.5,
			1e308,
			'',
			'ITSOSSI1',
			'q ssi',
			true,
			null,
			'ctc.fail',
			'command',
			'fault',
			'A-B'
		];
		const keys = [
			'at',
			'input',
			'kind',
			'on',
			'text',
			'user',
			'fault',
			'member',
			'link',
			'chpid',
			'ctc',
			'reipl',
			'x'
		];
		const gen = (depth: number): unknown => {
			const r = rand();
			if (depth > 3 || r < 0.4) return leaves[Math.floor(rand() * leaves.length)];
			if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => gen(depth + 1));
			return Object.fromEntries(
				Array.from({ length: Math.floor(rand() * 5) }, () => [
					keys[Math.floor(rand() * keys.length)]!,
					gen(depth + 1)
				])
			);
		};
		for (let i = 0; i < 600; i++) {
			const value =
				rand() < 0.8 ? Array.from({ length: 1 + Math.floor(rand() * 3) }, () => gen(0)) : gen(0);
			expect(valid(await decodeUrlState(await withInputs(value)))).toBe(true);
		}
	});
});

describe('encodeRecording', () => {
	it("writes a worker's recording as the link state that reads back to it", async () => {
		const rec = {
			seed: 9,
			t: 4000,
			speed: 10,
			inputs: [{ at: 1000, input: { kind: 'command', on: 'ITSOSSI1', text: 'q ssi' } } as const]
		};
		const decoded = await decodeUrlState(await encodeRecording({ builtin: 'itsossia' }, rec));
		expect(decoded).toEqual({ ok: true, value: { scenario: { builtin: 'itsossia' }, ...rec } });
	});
});
