// A SimHost in Node with a hand-driven wall clock and timers: requests go in, answers and
// frames come out in order, and the test decides when wall-clock time passes.
import { SimHost, type HostEnv } from '$lib/worker/sim-host';
import type { FrameMessage, WorkerMessage } from '$lib/worker/protocol';

export interface Posted {
	message: WorkerMessage;
	transfer: ArrayBuffer[];
	/** Wall-clock time it was posted. */
	at: number;
}

/** A host whose wall clock and timers the test drives. */
export function harness() {
	let wall = 0;
	let nextHandle = 1;
	const timers = new Map<number, { at: number; fn: () => void }>();
	const posted: Posted[] = [];
	const env: HostEnv = {
		post: (message, transfer = []) => posted.push({ message, transfer, at: wall }),
		now: () => wall,
		setTimer: (fn, ms) => {
			const h = nextHandle++;
			timers.set(h, { at: wall + ms, fn });
			return h;
		},
		clearTimer: (h) => void timers.delete(h as number)
	};
	const host = new SimHost(env);
	let id = 1;
	return {
		host,
		posted,
		/** Sends a request and returns its answer. */
		send(body: Record<string, unknown>): WorkerMessage {
			const rid = id++;
			host.receive({ ...body, id: rid });
			const reply = posted.filter((p) => 'id' in p.message && p.message.id === rid).at(-1);
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
		},
		frames(): { frame: FrameMessage; transfer: ArrayBuffer[]; at: number }[] {
			return posted.flatMap((p) =>
				p.message.type === 'frame' ? [{ frame: p.message, transfer: p.transfer, at: p.at }] : []
			);
		}
	};
}
