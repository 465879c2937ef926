/**
 * What a "predict, then run" question looks at once its step has run, and whether each answer
 * held. The answer is never stored: the question names an observation of the simulation and,
 * for each choice, the condition under which that choice is right; the simulation's own
 * result picks the right one.
 *
 * Pure TypeScript over the worker's frame types (the page evaluates frames; Node tests evaluate
 * the frames of a host they drive).
 */
import type { ConsoleLine } from '../core/sim/events';
import type { RelocationView, SimView } from '../worker/protocol';

/** A figure of a guest's latest relocation. */
export type RelocationFigure = 'passes' | 'quiesceMs' | 'totalMs' | 'pagesSent';

export type Observation =
	/** The outcome of the guest's latest relocation: relocated, cancelled, terminated, rejected, or `none`. */
	| { of: 'relocation-outcome'; user: string }
	/** A figure of the guest's latest ended relocation. */
	| { of: 'relocation-figure'; user: string; figure: RelocationFigure }
	/** `figure` of `user` ÷ `figure` of `other`. */
	| { of: 'relocation-ratio'; user: string; other: string; figure: RelocationFigure }
	/** The member a guest runs on, or `not logged on`. */
	| { of: 'guest-member'; user: string }
	| { of: 'member-state'; member: string }
	| { of: 'cluster-mode' }
	/** Whether a member's console printed a line containing `text` during the step. */
	| { of: 'console-says'; member: string; text: string }
	/** A link's capacity now, MB/s (`link` names it as `A-B`). */
	| { of: 'link-capacity'; link: string };

export type Observed = string | number | boolean;

/** When a choice is right. `between` is [low, high): low included, high not. */
export type Condition =
	{ is: Observed } | { below: number } | { atLeast: number } | { between: [number, number] };

/** What the step's run left, as the page holds it. */
export interface RunResult {
	view: SimView;
	/** Each member's console lines (the page's merged tail). */
	console: Readonly<Record<string, readonly ConsoleLine[]>>;
	/** When the step started: console lines before it are not the step's. */
	since: number;
}

function latestRelocation(view: SimView, user: string): RelocationView | undefined {
	const u = user.toUpperCase();
	return view.relocations.filter((r) => r.user.toUpperCase() === u).at(-1);
}

function figure(r: RelocationView | undefined, f: RelocationFigure): number | null {
	if (!r || r.outcome === null) return null;
	switch (f) {
		case 'passes':
			return r.passesDone;
		case 'quiesceMs':
			return r.quiesceMs;
		case 'totalMs':
			return r.elapsedMs;
		case 'pagesSent':
			return r.pagesSent;
	}
}

/**
 * What the simulation shows for `o`, or an error naming what is missing (a relocation that has
 * not ended, a member or link the scenario lacks).
 */
export function observe(
	o: Observation,
	run: RunResult
): { ok: true; value: Observed } | { ok: false; error: string } {
	const { view } = run;
	switch (o.of) {
		case 'relocation-outcome':
			return { ok: true, value: latestRelocation(view, o.user)?.outcome ?? 'none' };
		case 'relocation-figure': {
			const v = figure(latestRelocation(view, o.user), o.figure);
			return v === null
				? { ok: false, error: `${o.user} has no ended relocation to read ${o.figure} from` }
				: { ok: true, value: v };
		}
		case 'relocation-ratio': {
			const a = figure(latestRelocation(view, o.user), o.figure);
			const b = figure(latestRelocation(view, o.other), o.figure);
			if (a === null || b === null) {
				const who = a === null ? o.user : o.other;
				return { ok: false, error: `${who} has no ended relocation to read ${o.figure} from` };
			}
			if (b === 0) return { ok: false, error: `${o.other}'s ${o.figure} is 0: no ratio` };
			return { ok: true, value: a / b };
		}
		case 'guest-member': {
			const u = o.user.toUpperCase();
			const on = view.members.find((m) =>
				m.guests.some((g) => g.runsHere && g.user.toUpperCase() === u)
			);
			return { ok: true, value: on?.name ?? 'not logged on' };
		}
		case 'member-state': {
			const m = view.members.find((x) => x.name === o.member);
			return m
				? { ok: true, value: m.state }
				: { ok: false, error: `no member ${o.member} in ${view.scenario.title}` };
		}
		case 'cluster-mode':
			return { ok: true, value: view.cluster.mode };
		case 'console-says': {
			const lines = run.console[o.member];
			if (!lines) return { ok: false, error: `no console of member ${o.member}` };
			return {
				ok: true,
				value: lines.some((l) => l.t >= run.since && l.kind === 'output' && l.text.includes(o.text))
			};
		}
		case 'link-capacity': {
			const l = view.links.find((x) => `${x.between[0]}-${x.between[1]}` === o.link);
			return l
				? { ok: true, value: l.capacityMBps }
				: { ok: false, error: `no link ${o.link} in ${view.scenario.title}` };
		}
	}
}

/** Whether `value` meets `c`. */
export function holds(c: Condition, value: Observed): boolean {
	if ('is' in c) return c.is === value;
	if (typeof value !== 'number') return false;
	if ('below' in c) return value < c.below;
	if ('atLeast' in c) return value >= c.atLeast;
	return value >= c.between[0] && value < c.between[1];
}

/** The observed value in words: ms as seconds, ratios to two significant figures. */
export function describeObserved(o: Observation, value: Observed): string {
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	if (typeof value === 'string') return value;
	if (o.of === 'relocation-ratio') return `${Number(value.toPrecision(2))}×`;
	if (o.of === 'link-capacity') return `${value} MB/s`;
	if (o.of === 'relocation-figure' && (o.figure === 'quiesceMs' || o.figure === 'totalMs')) {
		return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
	}
	return value.toLocaleString('en-US');
}
