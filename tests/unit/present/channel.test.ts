// The deck ↔ speaker-notes messages (src/lib/present/channel.ts): well-formed messages pass,
// anything malformed is ignored.
import { describe, expect, it } from 'vitest';
import { formatTalkTime, parsePresentMessage, PRESENT_PROTOCOL } from '$lib/present/channel';

const state = {
	type: 'state',
	v: PRESENT_PROTOCOL,
	deck: 'busy-guest',
	slide: 2,
	slides: 5,
	status: 'done',
	blank: false,
	startedAt: 1_700_000_000_000
};

describe('parsePresentMessage', () => {
	it('takes a deck state, a hello and each command', () => {
		expect(parsePresentMessage(state)).toEqual(state);
		expect(parsePresentMessage({ type: 'hello', v: 1, deck: 'a-b' })).toEqual({
			type: 'hello',
			v: 1,
			deck: 'a-b'
		});
		for (const command of ['next', 'back', 'restart', 'blank']) {
			expect(parsePresentMessage({ type: 'command', v: 1, deck: 'x', command })).toMatchObject({
				command
			});
		}
	});

	it('drops extra fields it does not know', () => {
		expect(parsePresentMessage({ ...state, evil: '<script>' })).toEqual(state);
	});

	it('ignores malformed messages', () => {
		const bad: unknown[] = [
			null,
			'next',
			42,
			[],
			{},
			{ ...state, v: 2 },
			{ ...state, type: 'states' },
			{ ...state, deck: 'Busy Guest' },
			{ ...state, deck: '../x' },
			{ ...state, deck: 'a'.repeat(101) },
			{ ...state, slide: 5 },
			{ ...state, slide: -1 },
			{ ...state, slide: 1.5 },
			{ ...state, slides: 0, slide: 0 },
			{ ...state, slides: '5' },
			{ ...state, status: 'paused' },
			{ ...state, blank: 'no' },
			{ ...state, startedAt: Number.NaN },
			{ ...state, startedAt: -1 },
			{ type: 'command', v: 1, deck: 'x', command: 'delete' },
			{ type: 'command', v: 1, deck: 'x' },
			{ type: 'hello', v: 1 },
			JSON.parse('{"__proto__": {"type": "hello"}, "v": 1, "deck": "x"}')
		];
		for (const b of bad) expect(parsePresentMessage(b), JSON.stringify(b)).toBeNull();
	});
});

describe('formatTalkTime', () => {
	it('m:ss, then h:mm:ss', () => {
		expect(formatTalkTime(0)).toBe('0:00');
		expect(formatTalkTime(61_999)).toBe('1:01');
		expect(formatTalkTime(3_723_000)).toBe('1:02:03');
		expect(formatTalkTime(-5)).toBe('0:00');
	});
});
