/**
 * The embed's postMessage API, version 1: the messages a host page may send (commands), what
 * the embed answers (replies) and tells (events), and the pure checks on every message. The
 * page (routes/embed) accepts a message only from its parent window and the origin named in
 * its `origin` parameter, and posts only to that origin; this module decides what a message
 * says. Documented on /docs/embed.
 *
 *     command: { quiesce: 1, kind: 'command', id?, command: 'play' | 'pause' | 'step' }
 *              { quiesce: 1, kind: 'command', id?, command: 'seek', t }
 *              { quiesce: 1, kind: 'command', id?, command: 'speed', speed }
 *              { quiesce: 1, kind: 'command', id?, command: 'load', scenario, seed? }
 *     reply:   { quiesce: 1, kind: 'reply', id, command, ok: true, state }
 *              { quiesce: 1, kind: 'reply', id, command, ok: false, error }
 *     event:   { quiesce: 1, kind: 'event', event: 'ready', ok, errors?, state? }
 *              { quiesce: 1, kind: 'event', event: 'state', state }
 *              { quiesce: 1, kind: 'event', event: 'relocation-finished', relocation }
 *              { quiesce: 1, kind: 'event', event: 'height', height }
 */
import type { RelocationPhase } from '../core/machines/relocation.machine';
import { MAX_SPEED, MIN_SPEED, type SimView } from '../worker/protocol';
import { checkJsonShape, URL_STATE_LIMITS, type ScenarioJson } from '../state/url-state';

export const API_VERSION = 1;
export const COMMANDS = ['play', 'pause', 'step', 'seek', 'load', 'speed'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** A command's id as the host gave it (echoed in the reply), or null when it gave none. */
export type MessageId = string | number | null;
/** Longest id string accepted. */
export const MAX_ID_LENGTH = 100;

export type Command =
	| { command: 'play' }
	| { command: 'pause' }
	| { command: 'step' }
	| { command: 'seek'; t: number }
	| { command: 'speed'; speed: number }
	| { command: 'load'; scenario: string | ScenarioJson; seed?: number };

/**
 * What a message comes to: not for the embed at all (no `quiesce` field: ignored silently),
 * a command with its problem (answered with an error), or a valid command.
 */
export type ParsedMessage =
	| { kind: 'ignore' }
	| { kind: 'invalid'; id: MessageId; command: string | null; error: string }
	| { kind: 'command'; id: MessageId; command: Command };

const COMMON = ['quiesce', 'kind', 'id', 'command'];
const FIELDS: Record<CommandName, readonly string[]> = {
	play: COMMON,
	pause: COMMON,
	step: COMMON,
	seek: [...COMMON, 't'],
	speed: [...COMMON, 'speed'],
	load: [...COMMON, 'scenario', 'seed']
};

/** A plain object (a structured clone of one), not an array, a Map, a Date or a class instance. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const proto: unknown = Object.getPrototypeOf(v);
	return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'string')
		return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
	if (typeof v === 'number') return String(v);
	return `a ${typeof v}`;
}

function readId(v: unknown): { ok: true; id: MessageId } | { ok: false; error: string } {
	if (v === undefined || v === null) return { ok: true, id: null };
	if (typeof v === 'string' && v.length <= MAX_ID_LENGTH) return { ok: true, id: v };
	if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, id: v };
	return {
		ok: false,
		error: `id: must be a string of at most ${MAX_ID_LENGTH} characters or a finite number (got ${describe(v)})`
	};
}

/** Checks one message's data (already from the right window and origin). Never throws. */
export function parseMessage(data: unknown): ParsedMessage {
	if (!isPlainObject(data) || !('quiesce' in data)) return { kind: 'ignore' };
	const idRead = readId(data.id);
	const id = idRead.ok ? idRead.id : null;
	const name = typeof data.command === 'string' ? data.command : null;
	const invalid = (error: string): ParsedMessage => ({ kind: 'invalid', id, command: name, error });
	if (data.quiesce !== API_VERSION) {
		return invalid(
			`quiesce: version ${describe(data.quiesce)} is not supported (this embed speaks version ${API_VERSION})`
		);
	}
	if (data.kind !== 'command') {
		return invalid(`kind: must be "command" (got ${describe(data.kind)})`);
	}
	if (!idRead.ok) return invalid(idRead.error);
	if (name === null || !(COMMANDS as readonly string[]).includes(name)) {
		return invalid(
			`command: ${name === null ? `must be a string (got ${describe(data.command)})` : `unknown command ${describe(name)}`}; expected one of ${COMMANDS.join(', ')}`
		);
	}
	const command = name as CommandName;
	const extra = Object.keys(data).filter((k) => !FIELDS[command].includes(k));
	if (extra.length > 0) {
		return invalid(
			`${extra.join(', ')}: unknown field${extra.length > 1 ? 's' : ''} for "${command}" (it takes ${FIELDS[command].join(', ')})`
		);
	}
	switch (command) {
		case 'play':
		case 'pause':
		case 'step':
			return { kind: 'command', id, command: { command } };
		case 'seek': {
			const t = data.t;
			if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
				return invalid(
					`t: must be a number of simulated milliseconds, 0 or more (got ${describe(t)})`
				);
			}
			return { kind: 'command', id, command: { command, t } };
		}
		case 'speed': {
			const speed = data.speed;
			if (typeof speed !== 'number' || !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
				return invalid(
					`speed: must be a number from ${MIN_SPEED} to ${MAX_SPEED} (got ${describe(speed)})`
				);
			}
			return { kind: 'command', id, command: { command, speed } };
		}
		case 'load': {
			const scenario = readScenario(data.scenario);
			if (!scenario.ok) return invalid(scenario.error);
			const seed = data.seed;
			if (seed === undefined)
				return { kind: 'command', id, command: { command, scenario: scenario.value } };
			if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
				return invalid(`seed: must be an integer 0-4294967295 (got ${describe(seed)})`);
			}
			return { kind: 'command', id, command: { command, scenario: scenario.value, seed } };
		}
	}
}

/**
 * A scenario to load: a built-in's id (the simulation refuses an unknown one, naming the
 * built-ins), or a scenario file's JSON object (the simulation's validator checks it), within
 * the size and nesting a link may carry.
 */
function readScenario(
	v: unknown
): { ok: true; value: string | ScenarioJson } | { ok: false; error: string } {
	if (typeof v === 'string') {
		if (v.length === 0 || v.length > 100) {
			return {
				ok: false,
				error: `scenario: a built-in id must be 1-100 characters (got ${describe(v)})`
			};
		}
		return { ok: true, value: v };
	}
	if (!isPlainObject(v)) {
		return {
			ok: false,
			error: `scenario: must be a built-in scenario's id or a scenario file's JSON object (got ${describe(v)})`
		};
	}
	let size: number;
	try {
		size = JSON.stringify(v).length;
	} catch {
		return { ok: false, error: 'scenario: must be plain JSON (it could not be serialised)' };
	}
	if (size > URL_STATE_LIMITS.maxScenarioBytes) {
		return {
			ok: false,
			error: `scenario: ${size} characters of JSON; the limit is ${URL_STATE_LIMITS.maxScenarioBytes}`
		};
	}
	const errors: string[] = [];
	if (!checkJsonShape(v, 'scenario', errors)) return { ok: false, error: errors.join('; ') };
	return { ok: true, value: v as ScenarioJson };
}

/** What the embed tells about the run: no clock ticks, only what a reader would call a change. */
export interface EmbedState {
	scenario: { id: string; title: string };
	/** Simulated ms shown. */
	t: number;
	playing: boolean;
	speed: number;
	/** The locked range; `to` null: open-ended. */
	range: { from: number; to: number | null };
	mode: string;
	members: { name: string; state: string }[];
	relocations: { id: number; user: string; from: string; to: string; phase: RelocationPhase }[];
}

export function summarize(view: SimView, range: { from: number; to: number | null }): EmbedState {
	return {
		scenario: { id: view.scenario.id, title: view.scenario.title },
		t: view.now,
		playing: view.playing,
		speed: view.speed,
		range: { from: range.from, to: range.to },
		mode: view.cluster.mode,
		members: view.members.map((m) => ({ name: m.name, state: m.state })),
		relocations: view.relocations.map((r) => ({
			id: r.id,
			user: r.user,
			from: r.from,
			to: r.to,
			phase: r.phase
		}))
	};
}

/** The part of a state whose change is worth a 'state' event (everything but the time). */
export function stateKey(s: EmbedState): string {
	return JSON.stringify({ ...s, t: null });
}

const ENDED: readonly RelocationPhase[] = ['Relocated', 'Cancelled', 'Terminated', 'Rejected'];

/** What a 'relocation-finished' event says. */
export interface FinishedRelocation {
	id: number;
	user: string;
	from: string;
	to: string;
	/** Relocated, Cancelled, Terminated or Rejected. */
	outcome: RelocationPhase;
	/** The outcome as the lab shows it. */
	status: string;
	elapsedMs: number;
	quiesceMs: number;
	/** Simulated ms at which the frame showed it ended. */
	t: number;
}

/**
 * Relocations that ended between two frames of the same run: not those a jump in time (a seek,
 * a load) showed already ended, so each end is told once per time it happens as the run plays.
 */
export function finishedBetween(before: SimView | null, after: SimView): FinishedRelocation[] {
	if (
		!before ||
		before.generation !== after.generation ||
		before.timeline.revision !== after.timeline.revision
	)
		return [];
	return after.relocations.flatMap((r) => {
		if (!ENDED.includes(r.phase)) return [];
		const was = before.relocations.find((b) => b.id === r.id);
		if (was && ENDED.includes(was.phase)) return [];
		return [
			{
				id: r.id,
				user: r.user,
				from: r.from,
				to: r.to,
				outcome: r.phase,
				status: r.status,
				elapsedMs: r.elapsedMs,
				quiesceMs: r.quiesceMs,
				t: after.now
			}
		];
	});
}

export type Reply =
	| {
			quiesce: 1;
			kind: 'reply';
			id: MessageId;
			command: string | null;
			ok: true;
			state: EmbedState | null;
	  }
	| { quiesce: 1; kind: 'reply'; id: MessageId; command: string | null; ok: false; error: string };

export type EmbedEvent =
	| { quiesce: 1; kind: 'event'; event: 'ready'; ok: true; state: EmbedState }
	| { quiesce: 1; kind: 'event'; event: 'ready'; ok: false; errors: string[] }
	| { quiesce: 1; kind: 'event'; event: 'state'; state: EmbedState }
	| { quiesce: 1; kind: 'event'; event: 'relocation-finished'; relocation: FinishedRelocation }
	| { quiesce: 1; kind: 'event'; event: 'height'; height: number };
