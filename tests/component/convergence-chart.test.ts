// The convergence chart in a real browser, drawn from real engine passes: an image named and
// described with its key figures, quiesced passes marked by a pattern (not colour alone), the
// log/linear and closed-form toggles, the table alternative, and a width that follows its box.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import '../../src/lib/ui/theme.css';
import ConvergenceChart from '../../src/lib/viz/ConvergenceChart.svelte';
import { convergenceInput, report } from '../fixtures/convergence-run';

const props = { ...convergenceInput, width: 640 };

const svg = () => document.querySelector<SVGSVGElement>('figure.convergence svg[role="img"]')!;

describe('ConvergenceChart', () => {
	it('is an image named by its title and described by its figures', async () => {
		render(ConvergenceChart, props);
		const img = page.getByRole('img', { name: 'Convergence of the memory passes' });
		await expect.element(img).toBeVisible();
		await expect
			.element(img)
			.toHaveAccessibleDescription(
				new RegExp(
					`^4 passes \\(2 quiesced\\) sent [\\d,]+ pages\\. .*Quiesce threshold [\\d,]+ pages \\(250 ms at [\\d.]+ pages/ms\\), reached after pass 2\\. .*Quiesced ${Math.round(report.quiesceMs)} ms of a 10 s budget\\.`
				)
			);
		expect(report.passes.map((p) => p.quiesced)).toEqual([false, false, true, true]);
	});

	it('marks quiesced passes with a hatch pattern and dirty pages with symbols', async () => {
		render(ConvergenceChart, props);
		await expect.element(page.getByRole('img')).toBeVisible();
		const passes = [...svg().querySelectorAll<SVGGElement>('g.pass')];
		expect(passes.map((g) => g.dataset.pass)).toEqual(['1', '2', '3', '4']);
		for (const g of passes) {
			const hatch = g.querySelector('rect.hatch');
			if (g.classList.contains('quiesced'))
				expect(hatch?.getAttribute('fill')).toMatch(/^url\(#.+-hatch\)$/);
			else expect(hatch).toBeNull();
		}
		// One symbol per pass with a known dirty count, and the threshold rule with its label.
		expect(svg().querySelectorAll('.dirty path.dirty-dot')).toHaveLength(4);
		expect(svg().querySelector('.threshold text')?.textContent).toMatch(
			/^quiesce threshold [\d.]+K pages \(250 ms\)$/
		);
		expect(svg().querySelector('.budget-label')?.textContent).toBe('MAXQUIESCE 10 s');
		expect(svg().getAttribute('width')).toBe('640');
	});

	it('switches between log and linear pages axes', async () => {
		render(ConvergenceChart, props);
		const toggle = page.getByRole('button', { name: 'Log scale' });
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'true');
		expect(svg().dataset.scale).toBe('log');
		const height = () =>
			Number(svg().querySelector('g.pass[data-pass="2"] rect.bar')?.getAttribute('height'));
		const logHeight = height();
		await toggle.click();
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'false');
		expect(svg().dataset.scale).toBe('linear');
		// Pass 2 is an eighth of pass 1: tall on a log axis, short on a linear one.
		expect(height()).toBeLessThan(logHeight / 2);
	});

	it('overlays the closed form on request, in the image and in the table', async () => {
		render(ConvergenceChart, props);
		const toggle = page.getByRole('button', { name: 'Closed form' });
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'false');
		expect(svg().querySelector('.prediction')).toBeNull();
		await toggle.click();
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'true');
		expect(svg().querySelectorAll('.prediction path.prediction-dot')).toHaveLength(3);
		const table = page.getByRole('table', { name: 'Convergence of the memory passes: passes' });
		await expect
			.element(table.getByRole('columnheader', { name: 'Closed form' }))
			.toBeInTheDocument();
		// Pass 1 of the series is V(0), the resident set, exactly.
		await expect
			.element(table.getByRole('row', { name: /^1 / }))
			.toHaveTextContent(report.passes[0]!.pages.toLocaleString('en-US'));
	});

	it('lists every pass and the quiesce figures in tables shown by the toggle', async () => {
		render(ConvergenceChart, props);
		const toggle = page.getByRole('button', { name: 'Show table' });
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'false');
		const table = page.getByRole('table', { name: 'Convergence of the memory passes: passes' });
		const rows = [...(table.element() as HTMLTableElement).tBodies[0]!.rows].map((r) =>
			[...r.cells].map((c) => c.textContent?.trim())
		);
		expect(rows).toHaveLength(4);
		expect(rows[0]).toEqual([
			'1',
			report.passes[0]!.pages.toLocaleString('en-US'),
			expect.stringMatching(/ s$/),
			'running',
			report.passes[1]!.pages.toLocaleString('en-US')
		]);
		expect(rows[3]?.slice(3)).toEqual(['quiesced', '0']);
		const quiesce = page.getByRole('table', { name: 'Convergence of the memory passes: quiesce' });
		await expect
			.element(quiesce.getByRole('row', { name: /^MAXQUIESCE/ }))
			.toHaveTextContent('10 s');
		await expect
			.element(quiesce.getByRole('row', { name: /^Projected quiesce/ }))
			.toHaveTextContent(/\d+ ms \(including 100 ms guest state\)/);
		const controlled = (toggle.element() as HTMLElement).getAttribute('aria-controls') ?? '';
		const box = () => document.getElementById(controlled)?.getBoundingClientRect().width ?? 0;
		expect(document.getElementById(controlled)?.contains(table.element())).toBe(true);
		expect(box()).toBeLessThanOrEqual(1);
		await toggle.click();
		await expect.element(table).toBeVisible();
		expect(box()).toBeGreaterThan(100);
	});

	it('takes the width of its container when none is given, and says when there is nothing', async () => {
		const host = document.createElement('div');
		host.style.width = '420px';
		document.body.append(host);
		render(ConvergenceChart, { target: host, props: { passes: [], maxQuiesceMs: null } });
		await expect
			.element(page.getByRole('img'))
			.toHaveAccessibleDescription('No passes through memory yet.');
		await expect.poll(() => svg().getAttribute('width')).toBe('420');
		expect(svg().getBoundingClientRect().width).toBeLessThanOrEqual(421);
		await expect.element(page.getByRole('button', { name: 'Closed form' })).toBeDisabled();
		host.remove();
	});
});
