/**
 * Relocating a guest by direct manipulation (issue 4, "Interaction": "Start a relocation by
 * dragging a guest to a member (which first runs the TEST and shows the reasons if it is not
 * eligible)"). A drop, or a choice in a guest's Relocate menu, types two commands on the
 * console of the guest's member, exactly as a user would: `VMRELOCATE TEST USER guest TO
 * member`, then, if CP answered that it is eligible (return code 0), `VMRELOCATE MOVE USER
 * guest TO member` with z/VM's defaults (000 §3.6.1). Both go through the worker as console
 * commands, so they are in the console, the event log and the recorded inputs of a link. When
 * the TEST refuses, its HCPRLH1940E lines are kept to show in a dialog.
 */
import type { MemberView } from '../worker/protocol';
import type { SimSession } from './sim.svelte';

/** A guest being dragged: who, from where, where the pointer is and the member under it. */
export interface GuestDrag {
	user: string;
	from: string;
	x: number;
	y: number;
	over: string | null;
}

/** A relocation the TEST (or the MOVE) refused, with CP's lines (the Ready line left off). */
export interface Refusal {
	user: string;
	from: string;
	to: string;
	command: string;
	lines: string[];
}

/**
 * Why member `to` cannot be offered as a destination for a guest on `from`, or null: the
 * guest's own member, and a member that is down. Everything else is the TEST's to judge (a
 * Joining or Isolated destination, the guest's own rules), so that the reasons are CP's.
 */
export function targetProblem(
	members: readonly Pick<MemberView, 'name' | 'state'>[],
	from: string,
	to: string
): string | null {
	if (to === from) return `already on ${to}`;
	const m = members.find((x) => x.name === to);
	if (!m) return `${to} is not a member`;
	if (m.state === 'Down') return `${to} is down`;
	return null;
}

/** The member whose drop zone is at a point of the page, or null. */
export function dropMemberAt(x: number, y: number): string | null {
	const el = document.elementFromPoint(x, y);
	return el?.closest('[data-drop-member]')?.getAttribute('data-drop-member') ?? null;
}

export class GuestRelocator {
	/** The drag in progress, or null. */
	drag = $state.raw<GuestDrag | null>(null);
	/** A relocation being tested or started: its guest and destination. */
	busy = $state.raw<{ user: string; from: string; to: string } | null>(null);
	/** The last refusal, until dismissed. */
	refusal = $state.raw<Refusal | null>(null);

	constructor(private readonly session: SimSession) {}

	private members(): MemberView[] {
		return this.session.view?.members ?? [];
	}

	/** Why `to` cannot take a guest from `from`, or null. */
	problem(from: string, to: string): string | null {
		return targetProblem(this.members(), from, to);
	}

	begin(user: string, from: string, x: number, y: number): void {
		this.drag = { user, from, x, y, over: null };
	}

	move(x: number, y: number, over: string | null): void {
		if (this.drag) this.drag = { ...this.drag, x, y, over };
	}

	cancel(): void {
		this.drag = null;
	}

	/** Ends the drag over `over`: relocates there when it is a valid destination. */
	drop(over: string | null): void {
		const d = this.drag;
		this.drag = null;
		if (!d || over === null) return;
		const why = this.problem(d.from, over);
		if (why !== null) {
			this.session.announcement = `${d.user} not relocated: ${why}.`;
			return;
		}
		void this.relocate(d.user, d.from, over);
	}

	/** TEST, then MOVE when eligible; a refusal is kept in {@link refusal}. */
	async relocate(user: string, from: string, to: string): Promise<void> {
		if (this.busy) return;
		this.busy = { user, from, to };
		this.session.announcement = `Testing whether ${user} can relocate to ${to}…`;
		try {
			const test = `VMRELOCATE TEST USER ${user} TO ${to}`;
			const tested = await this.session.command(from, test);
			if (!tested) return;
			if (tested.rc !== 0) return this.refuse(user, from, to, test, tested.lines);
			const move = `VMRELOCATE MOVE USER ${user} TO ${to}`;
			const moved = await this.session.command(from, move);
			if (moved && moved.rc !== 0) this.refuse(user, from, to, move, moved.lines);
		} finally {
			this.busy = null;
		}
	}

	private refuse(user: string, from: string, to: string, command: string, lines: string[]) {
		const body = lines.filter((l) => !/^Ready[;(]/.test(l));
		this.refusal = { user, from, to, command, lines: body };
		// Reason lines read `HCPRLE1956I VMLOGS: text`, or `VMLOGS: text` without a number.
		const reasons = body.filter((l) => l.includes(`${user}: `)).length;
		this.session.announcement = `${user} cannot relocate to ${to}${reasons > 0 ? `: ${reasons} reason${reasons === 1 ? '' : 's'}` : ''}.`;
	}

	dismiss(): void {
		this.refusal = null;
	}
}
