/**
 * The messages between a deck and its speaker-notes window, over
 * `BroadcastChannel('quiesce-present')`. The deck says where it stands (`state`) whenever that
 * changes and when a notes window says `hello`; the notes window can drive the deck (`command`).
 * Anything else on the channel, or a message of another deck, is ignored: every message is
 * checked field by field (another tab, another version or a hostile page can post here).
 */

import type { StepStatus } from '../state/script-player.svelte';

export const PRESENT_CHANNEL = 'quiesce-present';

export const PRESENT_PROTOCOL = 1;

export type { StepStatus };
export type NotesCommand = 'next' | 'back' | 'restart' | 'blank';

export interface DeckStateMessage {
	type: 'state';
	v: typeof PRESENT_PROTOCOL;
	deck: string;
	/** The slide shown, 0-based. */
	slide: number;
	slides: number;
	status: StepStatus;
	blank: boolean;
	/** Wall-clock ms (Date.now) the talk started: the notes window's elapsed time counts from it. */
	startedAt: number;
}

export interface NotesHelloMessage {
	type: 'hello';
	v: typeof PRESENT_PROTOCOL;
	deck: string;
}

export interface NotesCommandMessage {
	type: 'command';
	v: typeof PRESENT_PROTOCOL;
	deck: string;
	command: NotesCommand;
}

export type PresentMessage = DeckStateMessage | NotesHelloMessage | NotesCommandMessage;

const STATUSES: readonly StepStatus[] = ['ready', 'running', 'done', 'interrupted'];
const COMMANDS: readonly string[] = ['next', 'back', 'restart', 'blank'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_SLIDES = 1000;

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isIndex(x: unknown, below: number): x is number {
	return Number.isSafeInteger(x) && (x as number) >= 0 && (x as number) < below;
}

/** `data` as a message of this protocol, or null when it is not one. */
export function parsePresentMessage(data: unknown): PresentMessage | null {
	if (!isRecord(data) || data.v !== PRESENT_PROTOCOL) return null;
	const deck = data.deck;
	if (typeof deck !== 'string' || deck.length > 100 || !SLUG.test(deck)) return null;
	switch (data.type) {
		case 'hello':
			return { type: 'hello', v: PRESENT_PROTOCOL, deck };
		case 'command': {
			const c = data.command;
			if (typeof c !== 'string' || !COMMANDS.includes(c)) return null;
			return { type: 'command', v: PRESENT_PROTOCOL, deck, command: c as NotesCommand };
		}
		case 'state': {
			const { slides, slide, status, blank, startedAt } = data;
			if (!isIndex(slides, MAX_SLIDES + 1) || slides < 1 || !isIndex(slide, slides)) return null;
			if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status))
				return null;
			if (typeof blank !== 'boolean') return null;
			if (typeof startedAt !== 'number' || !Number.isFinite(startedAt) || startedAt < 0) {
				return null;
			}
			return {
				type: 'state',
				v: PRESENT_PROTOCOL,
				deck,
				slide,
				slides,
				status: status as StepStatus,
				blank,
				startedAt
			};
		}
		default:
			return null;
	}
}

/** Elapsed wall-clock time as `m:ss` (or `h:mm:ss`). */
export function formatTalkTime(ms: number): string {
	const secs = Math.max(0, Math.floor(ms / 1000));
	const s = String(secs % 60).padStart(2, '0');
	const m = Math.floor(secs / 60) % 60;
	const h = Math.floor(secs / 3600);
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
