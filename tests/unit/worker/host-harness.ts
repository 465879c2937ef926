// A worker's host in Node with a hand-driven wall clock and timers: requests go in, answers and
// frames come out in order, and the test decides when wall-clock time passes. `drive` serves
// either host (the lab's SimHost, compare mode's CompareHost); `harness` is the lab's.
import type { HostTimers } from '$lib/worker/host-loop';
import type { FrameMessage, WorkerMessage } from '$lib/worker/protocol';
import { SimHost } from '$lib/worker/sim-host';

export interface Posted<M = WorkerMessage> {
	message: M;
	transfer: ArrayBuffer[];
	/** Wall-clock time it was posted. */
	at: number;
}

/** What a host is given: the test's timers, and a `post` that records. */
export type DrivenEnv<M> = HostTimers & { post(message: M, transfer?: ArrayBuffer[]): void };

/** A host built by `create` on an env whose wall clock and timers the test drives. */
export function drive<M extends { type: string }, H extends { receive(data: unknown): void }>(
	create: (env: DrivenEnv<M>) => H
) {
	let wall = 0;
	let nextHandle = 1;
	const timers = new Map<number, { at: number; fn: () => void }>();
	const posted: Posted<M>[] = [];
	const host = create({
		post: (message, transfer = []) => posted.push({ message, transfer, at: wall }),
		now: () => wall,
		setTimer: (fn, ms) => {
			const h = nextHandle++;
			timers.set(h, { at: wall + ms, fn });
			return h;
		},
		clearTimer: (h) => void timers.delete(h as number)
	});
	let id = 1;
	return {
		host,
		posted,
		/** Sends a request and returns its answer. */
		send(body: Record<string, unknown>): M {
			const rid = id++;
			host.receive({ ...body, id: rid });
			const reply = posted
				.filter((p) => 'id' in p.message && (p.message as { id: unknown }).id === rid)
				.at(-1);
			if (!reply) throw new Error(`no answer to ${JSON.stringify(body)}`);
			return reply.message;
		},
		/** Lets `ms` of wall-clock time pass, running due timers in order. */
		advance(ms: number) {
			const end = wall + ms;
			for (;;) {
				const due = [...timers.entries()]
					.filter(([, t]) => t.at <= end)
					.sort((a, b) => a[1].at - b[1].at)[0];
				if (!due) break;
				timers.delete(due[0]);
				wall = Math.max(wall, due[1].at);
				due[1].fn();
			}
			wall = end;
		}
	};
}

/** A SimHost whose wall clock and timers the test drives. */
export function harness() {
	const h = drive<WorkerMessage, SimHost>((env) => new SimHost(env));
	return {
		...h,
		frames(): { frame: FrameMessage; transfer: ArrayBuffer[]; at: number }[] {
			return h.posted.flatMap((p) =>
				p.message.type === 'frame' ? [{ frame: p.message, transfer: p.transfer, at: p.at }] : []
			);
		}
	};
}

/** VMRELOCATE MOVE of ITSOLNX1 to ITSOSSI2, typed on ITSOSSI1's console (scenario itsossia). */
export const MOVE_ITSOLNX1 = {
	kind: 'command',
	on: 'ITSOSSI1',
	text: 'vmrelocate move itsolnx1 to itsossi2'
} as const;

/** Loads itsossia, sets `speed`, types {@link MOVE_ITSOLNX1} and plays. */
export function playMove(h: ReturnType<typeof harness>, speed: number): void {
	h.send({ type: 'load', scenario: 'itsossia' });
	h.send({ type: 'speed', speed });
	h.send({ type: 'apply', input: MOVE_ITSOLNX1 });
	h.send({ type: 'play' });
}
