// The mode banner rendered in a real browser from a real simulation frame: the mode is told in
// words and by a shape, not by colour alone (issue 4 accessibility rule, begun here).
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import ClusterBanner from '../../src/lib/ui/ClusterBanner.svelte';
import { buildInitialState } from '../../src/lib/core/model/build';
import { loadBuiltin } from '../../src/lib/core/scenarios/index';
import { Simulation } from '../../src/lib/core/simulation';
import { buildView } from '../../src/lib/worker/view';

function viewAfter(act: (sim: Simulation) => void) {
	const r = loadBuiltin('itsossib');
	if (!r.ok) throw new Error('itsossib does not validate');
	const sim = new Simulation(buildInitialState(r.value));
	act(sim);
	const meta = {
		frame: 1,
		generation: 1,
		title: r.value.title,
		source: r.value.source,
		playing: false,
		speed: 1
	};
	return buildView(sim, meta, null);
}

describe('ClusterBanner', () => {
	it('shows Stable, the cluster, its PDR volume and the simulated clock', async () => {
		render(ClusterBanner, { view: viewAfter((s) => s.runUntil(2_000)) });
		await expect.element(page.getByText('Cluster mode')).toBeVisible();
		await expect.element(page.getByText('Stable', { exact: true })).toBeVisible();
		await expect.element(page.getByText('ITSOSSIB')).toBeVisible();
		await expect.element(page.getByText('SSIBC1')).toBeVisible();
		await expect.element(page.getByText('11/11/11 11:10:32')).toBeVisible();
	});

	it('shows Safe with its meaning after a member abends and the timeout passes', async () => {
		const view = viewAfter((s) => {
			s.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
			s.runUntil(20_000);
		});
		render(ClusterBanner, { view });
		await expect.element(page.getByText('Safe', { exact: true })).toBeVisible();
		await expect
			.element(page.getByText(/new access to shared resources is locked down/))
			.toBeVisible();
		// A shape carries the mode too: the glyph differs between Stable and Safe.
		const glyph = () => document.querySelector('.banner svg')?.innerHTML;
		const safeGlyph = glyph();
		expect(safeGlyph).toBeTruthy();
		document.body.innerHTML = '';
		render(ClusterBanner, { view: viewAfter(() => {}) });
		await expect.element(page.getByText('Stable', { exact: true })).toBeVisible();
		expect(glyph()).not.toBe(safeGlyph);
	});
});
