// The simulation worker in a real browser: request/response through the client, frames, and
// bad messages that must be answered with an error naming the field while the running
// simulation carries on.
import { afterEach, describe, expect, it } from 'vitest';
import { connect, SimRequestError, type SimClient } from '../../src/lib/worker/client';
import type {
	ErrorResponse,
	PageMapFrame,
	SimView,
	WorkerMessage
} from '../../src/lib/worker/protocol';
import { readPageMap } from '../../src/lib/worker/page-map-read';

let worker: Worker | null = null;
let client: SimClient | null = null;

function start(): { worker: Worker; client: SimClient } {
	worker = new Worker(new URL('../../src/lib/worker/sim.worker.ts', import.meta.url), {
		type: 'module'
	});
	client = connect(worker);
	return { worker, client };
}

afterEach(() => {
	client?.terminate();
	client = null;
	worker = null;
});

/** Posts a raw message and resolves with the next error the worker sends back. */
function rawError(w: Worker, message: unknown): Promise<ErrorResponse> {
	return new Promise((resolve) => {
		const listen = (event: MessageEvent<WorkerMessage>) => {
			if (event.data.type !== 'error') return;
			w.removeEventListener('message', listen);
			resolve(event.data);
		};
		w.addEventListener('message', listen);
		w.postMessage(message);
	});
}

function nextFrame(c: SimClient, accept: (v: SimView) => boolean = () => true): Promise<SimView> {
	return new Promise((resolve) => {
		const stop = c.subscribe((v) => {
			if (!accept(v)) return;
			stop();
			resolve(v);
		});
	});
}

describe('simulation worker', () => {
	it('loads a scenario, answers requests by id and pushes frames', async () => {
		const { client } = start();
		const framed = nextFrame(client);
		const loaded = await client.request({ type: 'load', scenario: 'itsossib' });
		expect(loaded).toMatchObject({ type: 'ok', of: 'load', scenario: 'itsossib', seed: 7 });
		const view = await framed;
		expect(view.cluster).toMatchObject({ name: 'ITSOSSIB', mode: 'Stable' });
		expect(view.members.map((m) => [m.name, m.state])).toEqual([
			['ITSOSSI5', 'Joined'],
			['ITSOSSI6', 'Joined']
		]);
		expect(view.links[0]).toMatchObject({ workingCtcs: 8, totalCtcs: 8, capacityMBps: 700 });
		// The frame is a summary: no event queue, no PRNG state, no replay inputs.
		expect(Object.keys(view)).not.toContain('queue');
		expect(JSON.stringify(view)).not.toContain('"rng"');

		const cmd = await client.request({
			type: 'apply',
			input: { kind: 'command', on: 'ITSOSSI5', text: 'q ssi' }
		});
		expect(cmd.result.lines).toContain('SSI Name: ITSOSSIB');

		await client.request({
			type: 'apply',
			input: { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } }
		});
		const ran = await client.request({ type: 'runFor', ms: 15_000 });
		expect(ran.now).toBeGreaterThanOrEqual(15_000);
		const safe = await nextFrame(client, (v) => v.now === ran.now);
		expect(safe.cluster.mode).toBe('Safe');
		expect(safe.members[0]!.peers).toEqual([{ peer: 'ITSOSSI6', view: 'unknown' }]);
	});

	it('answers bad messages with an error naming the field and keeps the simulation', async () => {
		const { worker, client } = start();
		await client.request({ type: 'load', scenario: 'itsossib' });
		await client.request({ type: 'runFor', ms: 5_000 });

		const cases: [unknown, string | null][] = [
			[null, null],
			['play', null],
			[{ type: 'play' }, 'id'],
			[{ id: 1.5, type: 'play' }, 'id'],
			[{ id: 900, type: 'explode' }, 'type'],
			[{ id: 901, type: 'load', scenario: 'nope' }, 'scenario'],
			[{ id: 902, type: 'load', scenario: 'itsossib', seed: -1 }, 'seed'],
			[{ id: 903, type: 'speed', speed: 5000 }, 'speed'],
			[{ id: 904, type: 'speed', speed: 'fast' }, 'speed'],
			[{ id: 905, type: 'runFor', ms: -10 }, 'ms'],
			[{ id: 906, type: 'apply' }, 'input'],
			[{ id: 907, type: 'apply', input: { kind: 'reboot' } }, 'input.kind'],
			[{ id: 908, type: 'apply', input: { kind: 'command', on: 'ITSOSSI5' } }, 'input.text'],
			[
				{
					id: 909,
					type: 'apply',
					input: {
						kind: 'fault',
						fault: { kind: 'ctc.fail', link: 'ITSOSSI5-ITSOSSI6', chpid: '40', ctc: 'x' }
					}
				},
				'input.fault.ctc'
			],
			[
				{ id: 910, type: 'apply', input: { kind: 'shutdown', member: 'ITSOSSI5', reipl: 'yes' } },
				'input.reipl'
			]
		];
		for (const [message, field] of cases) {
			const error = await rawError(worker, message);
			expect(error.field, JSON.stringify(message)).toBe(field);
			expect(error.message.length).toBeGreaterThan(0);
			if (field === 'scenario') expect(error.message).toContain('"nope"');
		}

		// A refused request through the client rejects with the field named.
		await expect(client.request({ type: 'speed', speed: 0 })).rejects.toBeInstanceOf(
			SimRequestError
		);
		await expect(client.request({ type: 'speed', speed: 0 })).rejects.toMatchObject({
			field: 'speed'
		});

		// The same simulation is still there, at the same time, and still runs.
		const after = await client.request({ type: 'runFor', ms: 1_000 });
		expect(after.now).toBe(6_000);
		const q = await client.request({
			type: 'apply',
			input: { kind: 'command', on: 'ITSOSSI6', text: 'q ssi' }
		});
		expect(q.result.ok).toBe(true);
	});

	it('sends a running relocation and its page map, transferred, in frames of at most 64 KiB', async () => {
		const { client } = start();
		await client.request({ type: 'load', scenario: 'itsossia' });
		const maps: PageMapFrame[] = [];
		let largest = 0;
		const stop = client.subscribe((view, pageMap) => {
			if (pageMap) maps.push(pageMap);
			largest = Math.max(largest, JSON.stringify(view).length + (pageMap?.buffer.byteLength ?? 0));
		});
		await client.request({
			type: 'apply',
			input: { kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate move itsolnx1 to itsossi2' }
		});
		await client.request({ type: 'runFor', ms: 5_000 });
		const moving = await nextFrame(client, (v) => v.relocations[0]?.status === 'Moving Memory');
		await new Promise((r) => setTimeout(r, 100));
		stop();
		expect(moving.watching).toBe(1);
		expect(maps.length).toBeGreaterThan(0);
		const read = readPageMap(maps.at(-1)!);
		expect(read.ok).toBe(true);
		if (read.ok) {
			expect(read.image).toMatchObject({
				relocation: 1,
				user: 'ITSOLNX1',
				width: 256,
				height: 128
			});
			expect(read.image.counters.pages).toBe(moving.relocations[0]!.guestPages);
		}
		expect(largest).toBeLessThanOrEqual(64 * 1024);
	});

	it('plays against the wall clock at the chosen speed, with at most ~30 frames a second', async () => {
		const { client } = start();
		await client.request({ type: 'load', scenario: 'itsossib' });
		await client.request({ type: 'speed', speed: 100 });
		const frames: SimView[] = [];
		const stop = client.subscribe((v) => frames.push(v));
		await client.request({ type: 'play' });
		await new Promise((r) => setTimeout(r, 1_000));
		const paused = nextFrame(client, (v) => !v.playing);
		await client.request({ type: 'pause' });
		const last = await paused;
		stop();
		// About 100 simulated seconds in one wall second (timers in a busy browser run late).
		expect(last.now).toBeGreaterThan(50_000);
		expect(last.now).toBeLessThan(110_000);
		expect(frames.length).toBeLessThanOrEqual(36);
		expect(frames.length).toBeGreaterThan(5);

		// Paused: time stands still; a step runs exactly the next event.
		const frozen = last.now;
		await new Promise((r) => setTimeout(r, 200));
		const step = await client.request({ type: 'step' });
		expect(step.stepped).toBe(true);
		expect(step.now).toBe(last.nextEventAt);
		expect(step.now).toBeGreaterThan(frozen);
	});
});
