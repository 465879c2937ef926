// The address as link state: where state is read from (hash, or a query with v=; never a
// plain anchor or a bare ?scenario=), how it is written back, the alert for a bad link, and
// the throttle that writes it while the run plays.
import { describe, expect, it } from 'vitest';
import { AddressWriter, addressFor, linkProblem, linkText, type Timers } from '$lib/state/address';
import { decodeUrlState, encodeUrlState } from '$lib/state/url-state';

const url = (s: string) => new URL(s, 'https://lab.example/quiesce/');

describe('linkText', () => {
	it('reads the hash when it holds parameters', () => {
		expect(linkText(url('/?scenario=gdl#v=1&scenario=gdl&seed=1&t=0'))).toBe(
			'v=1&scenario=gdl&seed=1&t=0'
		);
		// Garbage with parameters is still meant as state: it gets its errors, not silence.
		expect(linkText(url('/#v=9&seed=x'))).toBe('v=9&seed=x');
	});

	it('ignores plain anchors and the bare ?scenario= of the older address', () => {
		expect(linkText(url('/#main'))).toBeNull();
		expect(linkText(url('/?scenario=gdl'))).toBeNull();
		expect(linkText(url('/'))).toBeNull();
	});

	it('reads a query with v= when the hash holds none', () => {
		expect(linkText(url('/?v=1&scenario=gdl&seed=1&t=5#main'))).toBe(
			'?v=1&scenario=gdl&seed=1&t=5'
		);
	});
});

describe('addressFor', () => {
	it('keeps ?scenario=<id> for a built-in and puts the state in the hash', async () => {
		const encoded = await encodeUrlState({
			scenario: { builtin: 'itsossia' },
			seed: 7,
			inputs: [{ at: 1_500, input: { kind: 'command', on: 'ITSOSSI1', text: 'q ssi' } }],
			t: 2_000
		});
		const a = addressFor({ builtin: 'itsossia' }, encoded);
		expect(a.startsWith('/?scenario=itsossia#v=1&')).toBe(true);
		// It reads back as the same state.
		const text = linkText(url(`/quiesce${a}`));
		expect(text).not.toBeNull();
		const back = await decodeUrlState(text!);
		expect(back).toMatchObject({ ok: true, value: { seed: 7, t: 2_000 } });
	});

	it('has no query for an inline scenario', () => {
		expect(addressFor({ inline: { name: 'x' } }, 'v=1&inline=abc')).toBe('/#v=1&inline=abc');
	});
});

describe('linkProblem', () => {
	it('names every problem (up to five) and the fallback', () => {
		expect(linkProblem(['seed: "x" is not an integer', 't: missing'], 'itsossib')).toBe(
			'This link could not be opened: seed: "x" is not an integer; t: missing. Showing the default scenario, itsossib, instead.'
		);
		const many = Array.from({ length: 7 }, (_, i) => `e${i}`);
		expect(linkProblem(many, 'itsossib')).toContain('e4 (and 2 more)');
	});
});

/** Timers the test fires by hand. */
function manualTimers() {
	const pending = new Map<number, () => void>();
	let next = 1;
	const timers: Timers = {
		set: (fn) => {
			pending.set(next, fn);
			return next++;
		},
		clear: (h) => void pending.delete(h as number)
	};
	return {
		timers,
		get count() {
			return pending.size;
		},
		fire() {
			const all = [...pending.values()];
			pending.clear();
			for (const fn of all) fn();
		}
	};
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('AddressWriter', () => {
	it('writes at most once per wait, with the state built when the wait ends', async () => {
		const t = manualTimers();
		let state = 0;
		const written: string[] = [];
		const w = new AddressWriter(
			async () => `/#t=${state}`,
			(a) => written.push(a),
			1_000,
			t.timers
		);
		w.schedule();
		state = 1;
		w.schedule();
		state = 2;
		w.schedule();
		expect(t.count).toBe(1);
		t.fire();
		await tick();
		expect(written).toEqual(['/#t=2']);
	});

	it('flush writes at once and drops the pending write; an overtaken build is not written', async () => {
		const t = manualTimers();
		const written: string[] = [];
		const resolvers: ((v: string) => void)[] = [];
		const w = new AddressWriter(
			() => new Promise<string>((r) => resolvers.push(r)),
			(a) => written.push(a),
			1_000,
			t.timers
		);
		w.schedule();
		const first = w.flush();
		expect(t.count).toBe(0);
		const second = w.flush();
		resolvers[1]!('/#new');
		resolvers[0]!('/#old');
		await Promise.all([first, second]);
		expect(written).toEqual(['/#new']);
	});

	it('a build that fails or has nothing to write leaves the address alone', async () => {
		const written: string[] = [];
		const failing = new AddressWriter(
			() => Promise.reject(new Error('worker stopped')),
			(a) => written.push(a)
		);
		expect(await failing.flush()).toBeNull();
		const empty = new AddressWriter(
			async () => null,
			(a) => written.push(a)
		);
		expect(await empty.flush()).toBeNull();
		expect(written).toEqual([]);
	});
});
