// The ScriptPlayer over the real simulation worker: a step runs its inputs and pauses exactly at
// its end; moving back loads the step's start exactly; a move while a step runs interrupts it.
import { afterEach, expect, it } from 'vitest';
import { ScriptPlayer } from '../../src/lib/state/script-player.svelte';
import { SimSession } from '../../src/lib/state/sim.svelte';
import type { ScriptedRun } from '../../src/lib/script/script';
import type { SimView } from '../../src/lib/worker/protocol';

const move = {
	kind: 'command',
	on: 'ITSOSSI1',
	text: 'vmrelocate move itsolnx1 to itsossi2'
} as const;
const query = { kind: 'command', on: 'ITSOSSI1', text: 'query ssi' } as const;

const run: ScriptedRun = {
	scenario: 'itsossia',
	seed: 3,
	steps: [
		{ runMs: 2000, speed: 100, inputs: [{ after: 500, input: query }] },
		{ runMs: 120_000, speed: 1000, inputs: [{ after: 0, input: move }] },
		{ runMs: 60_000, speed: 1 }
	]
};

let session: SimSession | null = null;
afterEach(() => session?.stop());

/** Resolves with the first frame `accept` takes (the latest one first). */
async function frame(s: SimSession, accept: (v: SimView) => boolean): Promise<SimView> {
	for (let i = 0; i < 200; i++) {
		if (s.view && accept(s.view)) return s.view;
		await new Promise((r) => setTimeout(r, 25));
	}
	throw new Error(`no such frame; last: now ${s.view?.now} playing ${s.view?.playing}`);
}

it('runs steps to their ends exactly, and back lands on the same start', async () => {
	session = new SimSession();
	session.start();
	const player = new ScriptPlayer(session, run);
	expect(await player.goTo(1)).toBe(true);
	const start = await frame(session, (v) => v.now === 2000);
	expect(start.relocations).toEqual([]);
	expect(await player.runStep()).toBe(true);
	expect(player.status).toBe('done');
	const end = await frame(session, (v) => v.now === 122_000 && !v.playing);
	expect(end.relocations.map((r) => r.outcome)).toEqual(['relocated']);
	expect(await player.back()).toBe(true);
	const again = await frame(session, (v) => v.now === 0);
	expect(again.playing).toBe(false);
	expect(await player.next()).toBe(true);
	const same = await frame(session, (v) => v.now === 2000);
	expect(same.members).toEqual(start.members);
});

it('a move while a step runs interrupts it and shows the other step', async () => {
	session = new SimSession();
	session.start();
	const player = new ScriptPlayer(session, run);
	await player.goTo(2);
	const running = player.runStep();
	await frame(session, (v) => v.playing && v.stopAt === 182_000);
	expect(await player.goTo(0)).toBe(true);
	expect(await running).toBe(false);
	expect(player.step).toBe(0);
	expect(player.status).toBe('ready');
	const shown = await frame(session, (v) => v.now === 0);
	expect(shown.playing).toBe(false);
});

it('a run asked for while the move to its step is still loading waits for it, then runs', async () => {
	session = new SimSession();
	session.start();
	const player = new ScriptPlayer(session, run);
	await player.goTo(2);
	// A clicker pressed twice: the move is not awaited before the run.
	const moving = player.goTo(0);
	const ran = player.runStep();
	expect(await moving).toBe(true);
	expect(await ran).toBe(true);
	expect(player.status).toBe('done');
	const end = await frame(session, (v) => v.now === 2000 && !v.playing);
	expect(end.relocations).toEqual([]);
});
