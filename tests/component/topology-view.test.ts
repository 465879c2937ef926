// The topology in a real browser, from real simulation frames: traffic moves along a link at a
// rate proportional to the bandwidth in use (a four-CHPID link visibly faster and thicker than
// a one-CHPID link), a failed CTC stops, and a CTC's menu applies its fault.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import TopologyView from '../../src/lib/viz/TopologyView.svelte';
import { validateScenario } from '../../src/lib/core/config/scenario';
import { buildInitialState } from '../../src/lib/core/model/build';
import { builtinJson } from '../../src/lib/core/scenarios/index';
import type { SimInput } from '../../src/lib/core/sim/events';
import { Simulation } from '../../src/lib/core/simulation';
import { GuestRelocator } from '../../src/lib/state/relocate.svelte';
import type { SimSession } from '../../src/lib/state/sim.svelte';
import { buildView } from '../../src/lib/worker/view';
import type { SimView } from '../../src/lib/worker/protocol';

/** ITSOSSIB with its link reshaped and LNXSU11 moving to ITSOSSI6, 150 ms into its memory. */
function moving(chpids: number, ctcs: number, then?: (sim: Simulation) => void): SimView {
	const j = structuredClone(builtinJson('itsossib')) as Record<string, unknown>;
	const link = (j.cluster as { links: Record<string, unknown>[] }).links[0]!;
	link.chpids = chpids;
	link.ctcs = ctcs;
	j.script = [];
	const r = validateScenario(j);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const sim = new Simulation(buildInitialState(r.value));
	sim.runUntil(2_000);
	sim.apply({ kind: 'command', on: 'ITSOSSI5', text: 'vmrelocate move lnxsu11 itsossi6 async' });
	sim.runUntil(2_250);
	then?.(sim);
	const meta = { frame: 1, generation: 1, title: 't', source: 's', playing: true, speed: 1 };
	return buildView(sim, meta, null);
}

/** A relocator with no worker behind it: the topology only reads its drag state here. */
function relocator(view: SimView): GuestRelocator {
	const session = { view, announcement: '' } as unknown as SimSession;
	return new GuestRelocator(session);
}

function flowOf(container: HTMLElement): { seconds: number; width: number } {
	const flow = container.querySelector<SVGPathElement>('path.flow');
	if (!flow) throw new Error('no flow drawn');
	const s = getComputedStyle(flow);
	return { seconds: parseFloat(s.animationDuration), width: parseFloat(s.strokeWidth) };
}

describe('TopologyView traffic', () => {
	it('a four-CHPID link carries more, visibly: faster and thicker than a one-CHPID link', async () => {
		const fourView = moving(4, 16);
		const four = await render(TopologyView, {
			view: fourView,
			relocator: relocator(fourView),
			onapply: () => {}
		});
		await expect.element(page.getByText('→ 1,400 MB/s')).toBeVisible();
		const big = flowOf(four.container);
		await four.unmount();

		const oneView = moving(1, 4);
		const one = await render(TopologyView, {
			view: oneView,
			relocator: relocator(oneView),
			onapply: () => {}
		});
		await expect.element(page.getByText('→ 300 MB/s')).toBeVisible();
		const small = flowOf(one.container);
		// The dash pattern's speed is proportional to the MB/s: 1,400 / 300.
		expect(small.seconds / big.seconds).toBeCloseTo(1400 / 300, 2);
		expect(big.width).toBeGreaterThan(small.width);
	});

	it('a failed CTC stops while its neighbours carry on', async () => {
		const view = moving(2, 8, (sim) => {
			sim.apply({
				kind: 'fault',
				fault: { kind: 'ctc.fail', link: 'ITSOSSI5-ITSOSSI6', chpid: '40', ctc: 0 }
			});
			sim.runUntil(sim.now + 150);
		});
		const { container } = await render(TopologyView, {
			view,
			relocator: relocator(view),
			onapply: () => {}
		});
		const failed = page.getByRole('button', {
			name: /^CTC 4A60 on CHPID 40 of ITSOSSI5–ITSOSSI6 \(failed\)$/
		});
		await expect.element(failed).toBeVisible();
		await expect
			.element(
				page.getByRole('button', { name: /^CTC 4A61 on CHPID 40 .*\(working, 100 MB\/s in use\)$/ })
			)
			.toBeVisible();
		const node = container.querySelector('[data-key="ctc:ITSOSSI5-ITSOSSI6:40:0"]')!;
		expect(node.querySelector('.ctc-flow')).toBeNull();
		expect(
			container.querySelector('[data-key="ctc:ITSOSSI5-ITSOSSI6:40:1"] .ctc-flow')
		).not.toBeNull();
	});
});

describe('TopologyView menus', () => {
	it('a click on a CTC opens its menu, which names the effect and applies the fault', async () => {
		const view = moving(2, 8);
		const applied: SimInput[] = [];
		await render(TopologyView, {
			view,
			relocator: relocator(view),
			onapply: (i) => applied.push(i)
		});
		await page.getByRole('button', { name: /^CTC 4A83 on CHPID 50 of ITSOSSI5–ITSOSSI6/ }).click();
		const item = page.getByRole('menuitem', { name: /^Fail CTC 4A83/ });
		await expect.element(item).toHaveTextContent('link capacity 700 → 600 MB/s');
		await item.click();
		expect(applied).toEqual([
			{
				kind: 'fault',
				fault: { kind: 'ctc.fail', link: 'ITSOSSI5-ITSOSSI6', chpid: '50', ctc: 3 }
			}
		]);
		await expect.element(page.getByRole('menu')).not.toBeInTheDocument();
	});
});
