// The quiesce window in a real browser, drawn from a real simulation (the gdl scenario's three
// relocations of 001, the guest serving web requests): an image named and described with the
// quiesce and stall figures, lanes and outcome marks that do not rest on colour, the zoom and
// table toggles, and the latency trace with its stall labelled.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import '../../src/lib/ui/theme.css';
import { validateScenario } from '../../src/lib/core/config/scenario';
import { buildInitialState } from '../../src/lib/core/model/build';
import { builtinJson } from '../../src/lib/core/scenarios/index';
import { Simulation } from '../../src/lib/core/simulation';
import QuiesceWindow from '../../src/lib/viz/QuiesceWindow.svelte';
import { quiesceSpan, stopSpan, timelineFromState } from '../../src/lib/viz/quiesce-window';

/** gdl with its guest's workload set to `workload`, run for `ms` of simulated time. */
function gdl(workload: string, ms: number): Simulation {
	const json = structuredClone(builtinJson('gdl')) as { guests: { workload?: string }[] };
	for (const g of json.guests) g.workload = workload;
	const r = validateScenario(json);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const sim = new Simulation(buildInitialState(r.value));
	sim.runUntil(ms);
	return sim;
}

const sim = gdl('web', 6 * 60_000);
const relocations = sim.state.relocations.map((r) => timelineFromState(r, sim.state.log));
const props = { relocations, nowMs: sim.now, width: 900 };
const last = relocations[2]!;
const stop = stopSpan(last, sim.now)!;
const stopMs = Math.round(stop.endMs - stop.startMs);
const quiesceMs = (i: number) => {
	const q = quiesceSpan(relocations[i]!, sim.now)!;
	return Math.round(q.endMs - q.startMs);
};

const svg = () => document.querySelector<SVGSVGElement>('figure.quiesce-window svg[role="img"]')!;

describe('QuiesceWindow', () => {
	it('is an image named by its title and described by its figures', async () => {
		render(QuiesceWindow, props);
		const img = page.getByRole('img', { name: 'Quiesce window' });
		await expect.element(img).toBeVisible();
		await expect
			.element(img)
			.toHaveAccessibleDescription(
				new RegExp(
					`^3 relocations\\. #1 LGRLIN21 GDLMCPX4 → GDLLCPX3, relocated: quiesced ${quiesceMs(0)} ms of a 10 s budget; .* #2 LGRLIN21 GDLLCPX3 → GDLMCPX4, cancelled: never quiesced; .*Request latency of LGRLIN21 \\(200 HTTP requests a second, 5 ms each\\): the guest stopped for ${stopMs} ms, the slowest request took \\d+ ms\\.$`
				)
			);
	});

	it('draws a lane per phase, quiesced ones hatched, outcomes as shapes with words', async () => {
		render(QuiesceWindow, props);
		await expect.element(page.getByRole('img')).toBeVisible();
		const groups = [...svg().querySelectorAll<SVGGElement>('g.relocation')];
		expect(groups.map((g) => g.dataset.relocation)).toEqual(['1', '2', '3']);
		const lanes = [...groups[0]!.querySelectorAll<SVGGElement>('g.lane')];
		expect(lanes.map((l) => l.querySelector('.lane-label')?.textContent)).toEqual([
			'Eligibility',
			'Creating skeleton',
			'Moving Memory',
			'Moving Guest',
			'Final Mem Copy',
			'Resuming',
			'Cleaning Up'
		]);
		for (const lane of lanes) {
			const hatch = lane.querySelector('rect.hatch');
			if (lane.classList.contains('quiesced'))
				expect(hatch?.getAttribute('fill')).toMatch(/-hatch\)$/);
			else expect(hatch).toBeNull();
			expect(lane.querySelectorAll('rect.span')).toHaveLength(1);
		}
		const marks = [...svg().querySelectorAll<SVGGElement>('g.mark')];
		expect(marks.map((m) => m.querySelector('text')?.textContent)).toEqual([
			'relocated',
			'cancelled',
			'relocated'
		]);
		expect(marks[0]!.querySelector('path')?.getAttribute('d')).not.toBe(
			marks[1]!.querySelector('path')?.getAttribute('d')
		);
		expect(groups[0]!.querySelector('.budget-text')?.textContent).toBe(
			`quiesced ${quiesceMs(0)} ms of a 10 s MAXQUIESCE budget (${Number(((100 * quiesceMs(0)) / 10_000).toPrecision(2))} %)`
		);
		expect(groups[1]!.querySelector('g.budget')).toBeNull();
	});

	it('traces the guest’s request latency with its stall labelled', async () => {
		render(QuiesceWindow, props);
		await expect.element(page.getByRole('img')).toBeVisible();
		const trace = svg().querySelector('g.trace')!;
		expect(trace.querySelector('.trace-title')?.textContent).toBe(
			'What the workload sees: request latency of LGRLIN21 (200 HTTP requests/s, 5 ms each)'
		);
		expect(trace.querySelector('.stall text')?.textContent).toBe(`stall ${stopMs} ms`);
		expect(trace.querySelector('.max text')?.textContent).toMatch(/^slowest \d+ ms$/);
		expect(trace.querySelector('path.latency')?.getAttribute('d')).toMatch(/^M/);
	});

	it('zooms to the stop and back', async () => {
		render(QuiesceWindow, props);
		const zoom = page.getByRole('button', { name: 'Zoom to the stop' });
		await expect.element(zoom).toHaveAttribute('aria-pressed', 'false');
		const stallWidth = () => {
			const band = svg().querySelector('rect.stall-band')!;
			return Number(band.getAttribute('width'));
		};
		const before = stallWidth();
		await zoom.click();
		await expect.element(zoom).toHaveAttribute('aria-pressed', 'true');
		expect(svg().dataset.zoomed).toBe('true');
		expect(stallWidth()).toBeGreaterThan(before * 20);
		await zoom.click();
		await expect.element(zoom).toHaveAttribute('aria-pressed', 'false');
		expect(stallWidth()).toBeCloseTo(before, 3);
	});

	it('lists phases, budgets and latency in tables shown by the toggle', async () => {
		render(QuiesceWindow, props);
		const phases = page.getByRole('table', { name: 'Quiesce window: phases' });
		const rows = [...(phases.element() as HTMLTableElement).tBodies[0]!.rows];
		// 7 phases for each relocated guest, 3 for the cancelled one.
		expect(rows).toHaveLength(7 + 3 + 7);
		expect([...rows[3]!.cells].map((c) => c.textContent?.trim())).toEqual([
			'#1 LGRLIN21 GDLMCPX4 → GDLLCPX3',
			'Moving Guest',
			expect.stringMatching(/^\d+\.\d{3} s$/),
			expect.stringMatching(/^\d+\.\d{3} s$/),
			expect.stringMatching(/^\d+ ms$/),
			'quiesced'
		]);
		const budgets = page.getByRole('table', { name: 'Quiesce window: quiesce and budget' });
		await expect
			.element(budgets.getByRole('row', { name: /^#2 / }))
			.toHaveTextContent('cancellednever10 snever');
		const latency = page.getByRole('table', {
			name: 'Quiesce window: request latency of LGRLIN21'
		});
		await expect
			.element(latency.getByRole('row', { name: /^Guest stopped/ }))
			.toHaveTextContent(/ms$/);
		const toggle = page.getByRole('button', { name: 'Show table' });
		const controlled = (toggle.element() as HTMLElement).getAttribute('aria-controls') ?? '';
		const box = () => document.getElementById(controlled)?.getBoundingClientRect().width ?? 0;
		expect(box()).toBeLessThanOrEqual(1);
		await toggle.click();
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'true');
		await expect.element(phases).toBeVisible();
		expect(box()).toBeGreaterThan(100);
	});

	it('follows a relocation in progress: open spans, a now line, no outcome yet', async () => {
		const live = gdl('web', 26_500);
		const rels = live.state.relocations.map((r) => timelineFromState(r, live.state.log));
		render(QuiesceWindow, { relocations: rels, nowMs: live.now, width: 700 });
		const img = page.getByRole('img', { name: 'Quiesce window' });
		await expect
			.element(img)
			.toHaveAccessibleDescription(/^1 relocation\. #1 .*, in progress: never quiesced; /);
		expect(svg().querySelector('g.now')).not.toBeNull();
		expect(svg().querySelector('rect.span.open')).not.toBeNull();
		expect(svg().querySelector('g.mark')).toBeNull();
		await expect.element(page.getByRole('button', { name: 'Zoom to the stop' })).toBeDisabled();
	});
});
