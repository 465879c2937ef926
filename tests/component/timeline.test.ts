// The timeline scrubber and the time controls in a real browser: a labelled slider with the
// time as text, keys that step by event and jump, the past and fork notices, and the
// documented shortcuts of Step back, Step, Fork and Reset.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import PlaybackControls from '../../src/lib/ui/PlaybackControls.svelte';
import Timeline from '../../src/lib/ui/Timeline.svelte';

interface Over {
	now?: number;
	latest?: number;
	prevEvent?: number | null;
	nextEvent?: number | null;
	inPast?: boolean;
	forkedAt?: number | null;
}

function timeline(over: Over = {}) {
	const seeks: number[] = [];
	let steps = 0;
	render(Timeline, {
		now: 30_000,
		latest: 120_000,
		ticks: [0, 5_000, 30_000, 61_250, 120_000],
		prevEvent: 5_000,
		nextEvent: 61_250,
		inPast: true,
		forkedAt: null,
		onseek: async (t: number) => void seeks.push(t),
		onstep: () => void steps++,
		...over
	});
	return { seeks, steps: () => steps };
}

describe('Timeline', () => {
	it('draws each event tick at its time along the track, the fork in its own mark', () => {
		timeline({ forkedAt: 61_250 });
		const ticks = [...document.querySelectorAll<HTMLElement>('.ticks .tick')];
		const track = document.querySelector<HTMLElement>('.ticks')!.getBoundingClientRect();
		const at = (el: HTMLElement) => {
			const r = el.getBoundingClientRect();
			return (r.left + r.width / 2 - track.left) / track.width;
		};
		expect(ticks).toHaveLength(6);
		const want = [0, 5_000, 30_000, 61_250, 120_000, 61_250].map((t) => t / 120_000);
		ticks.forEach((el, i) => expect(at(el)).toBeCloseTo(want[i]!, 2));
	});

	it('is a labelled slider showing now and latest, with its keys described', async () => {
		timeline();
		const slider = page.getByRole('slider', { name: 'Timeline' });
		await expect.element(slider).toBeVisible();
		await expect.element(slider).toHaveAttribute('aria-valuetext', '0:30.000 of 2:00.000');
		await expect.element(slider).toHaveAccessibleDescription(/previous and next event/);
		await expect.element(page.getByText('Now 0:30.000')).toBeVisible();
		await expect.element(page.getByText('Latest 2:00.000')).toBeVisible();
		await expect
			.element(page.getByText('Viewing the past · the run continues as recorded.'))
			.toBeVisible();
		await expect.element(page.getByText('A command typed now forks the run here.')).toBeVisible();
	});

	it('steps by event with the arrows and jumps with Page Up/Down, Home and End', async () => {
		const { seeks } = timeline();
		const slider = page.getByRole('slider', { name: 'Timeline' });
		(slider.element() as HTMLElement).focus();
		for (const key of [
			'{ArrowLeft}',
			'{ArrowRight}',
			'{ArrowDown}',
			'{ArrowUp}',
			'{PageUp}',
			'{PageDown}',
			'{Home}',
			'{End}'
		]) {
			await userEvent.keyboard(key);
		}
		await expect
			.poll(() => seeks)
			.toEqual([5_000, 61_250, 5_000, 61_250, 42_000, 18_000, 0, 120_000]);
	});

	it('at the latest time, Right steps the live run instead', async () => {
		const t = timeline({ now: 120_000, nextEvent: null, prevEvent: 61_250, inPast: false });
		(page.getByRole('slider', { name: 'Timeline' }).element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowRight}');
		expect(t.steps()).toBe(1);
		expect(t.seeks).toEqual([]);
		await expect
			.element(page.getByText('Viewing the past · the run continues as recorded.'))
			.not.toBeInTheDocument();
	});

	it('says where the run forked', async () => {
		timeline({ inPast: false, forkedAt: 83_000, now: 83_000, latest: 83_000 });
		await expect.element(page.getByText('Forked at 1:23.000')).toBeVisible();
	});
});

describe('PlaybackControls', () => {
	function controls(over: { canStepBack?: boolean; canFork?: boolean } = {}) {
		const calls: string[] = [];
		const on = (name: string) => () => void calls.push(name);
		render(PlaybackControls, {
			playing: false,
			speed: 1,
			canStepBack: true,
			canFork: true,
			onplay: on('play'),
			onpause: on('pause'),
			onspeed: on('speed'),
			onstep: on('step'),
			onrunfor: on('runFor'),
			onstepback: on('stepBack'),
			onfork: on('fork'),
			onreset: on('reset'),
			...over
		});
		return calls;
	}

	it('labels Step back, Step, Fork and Reset and documents their shortcuts', async () => {
		controls();
		const expected: [string, string, string][] = [
			['Step back', 'Shift+ArrowLeft', '(Shift+Left)'],
			['Step', 'Shift+ArrowRight', '(Shift+Right)'],
			['Fork', 'Alt+Shift+F', '(Alt+Shift+F)'],
			['Reset', 'Alt+Shift+R', '(Alt+Shift+R)']
		];
		for (const [name, keys, said] of expected) {
			const button = page.getByRole('button', { name, exact: true });
			await expect.element(button).toBeVisible();
			await expect.element(button).toHaveAttribute('aria-keyshortcuts', keys);
			expect(button.element().getAttribute('title')).toContain(said);
		}
	});

	it('runs the shortcuts from the page, but not while typing in a field', async () => {
		const calls = controls();
		const field = document.createElement('input');
		document.body.append(field);
		(document.activeElement as HTMLElement | null)?.blur();
		await userEvent.keyboard('{Shift>}{ArrowLeft}{ArrowRight}{/Shift}');
		await userEvent.keyboard('{Alt>}{Shift>}f{/Shift}{/Alt}');
		await userEvent.keyboard('{Alt>}{Shift>}r{/Shift}{/Alt}');
		expect(calls).toEqual(['stepBack', 'step', 'fork', 'reset']);
		field.focus();
		await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
		expect(calls).toHaveLength(4);
		field.remove();
	});

	it('disables Fork outside the past and Step back at the start, with a reason', async () => {
		const calls = controls({ canFork: false, canStepBack: false });
		await expect.element(page.getByRole('button', { name: 'Fork' })).toBeDisabled();
		expect(page.getByRole('button', { name: 'Fork' }).element().getAttribute('title')).toContain(
			'go back first'
		);
		await expect.element(page.getByRole('button', { name: 'Step back' })).toBeDisabled();
		await userEvent.keyboard('{Alt>}{Shift>}f{/Shift}{/Alt}');
		expect(calls).toEqual([]);
	});
});
