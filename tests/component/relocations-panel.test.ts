// The Relocations panel and the page-map canvas in a real browser, from real frames: a
// relocation read as an operator reads it, and the page map drawn cell by cell in the theme's
// colours with its counts in words.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import '../../src/lib/ui/theme.css';
import { CellValue } from '../../src/lib/core/engine/page-map-image';
import { buildInitialState } from '../../src/lib/core/model/build';
import { loadBuiltin } from '../../src/lib/core/scenarios/index';
import { Simulation } from '../../src/lib/core/simulation';
import RelocationsPanel from '../../src/lib/ui/RelocationsPanel.svelte';
import { readPageMap, type PageMapImage } from '../../src/lib/worker/page-map-read';
import type { SimView } from '../../src/lib/worker/protocol';
import { pageMapFrame, watchedRelocation } from '../../src/lib/worker/relocation-view';
import { buildView } from '../../src/lib/worker/view';

function frameAfter(act: (sim: Simulation) => void): { view: SimView; map: PageMapImage | null } {
	const r = loadBuiltin('itsossia');
	if (!r.ok) throw new Error('itsossia does not validate');
	const sim = new Simulation(buildInitialState(r.value));
	act(sim);
	const meta = { frame: 1, generation: 1, title: 't', source: 's', playing: false, speed: 1 };
	const view = buildView(sim, meta, null);
	const frame = pageMapFrame(sim.state, watchedRelocation(sim.state, null));
	const read = frame ? readPageMap(frame) : null;
	return { view, map: read?.ok ? read.image : null };
}

function props(
	f: { view: SimView; map: PageMapImage | null },
	onwatch: (id: number | null) => void = () => {}
) {
	return {
		relocations: f.view.relocations,
		steps: f.view.relocationPhases,
		watching: f.view.watching,
		pageMap: f.map,
		onwatch
	};
}

const move = (sim: Simulation, upTo: number) => {
	sim.runUntil(2_000);
	sim.apply({ kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate move itsolnx1 to itsossi2' });
	sim.runUntil(upTo);
};

describe('RelocationsPanel', () => {
	it('invites a first relocation when there is none', async () => {
		render(RelocationsPanel, props(frameAfter((s) => s.runUntil(1_000))));
		await expect.element(page.getByRole('heading', { name: 'Relocations' })).toBeVisible();
		await expect.element(page.getByText(/No relocation yet/)).toBeVisible();
	});

	it('shows a running relocation with its STATUS string, pass, pages sent, phase and progress', async () => {
		const f = frameAfter((s) => move(s, 12_000));
		render(RelocationsPanel, props(f));
		const card = page.getByRole('article', { name: 'ITSOLNX1 ITSOSSI1 → ITSOSSI2' });
		await expect.element(card.getByText('Moving Memory', { exact: true })).toBeVisible();
		const r = f.view.relocations[0]!;
		await expect
			.element(
				card.getByText(`pass ${r.currentPass} · ${r.pagesSent.toLocaleString('en-US')} pages sent`)
			)
			.toBeVisible();
		const bar = card.getByRole('progressbar');
		await expect.element(bar).toHaveAttribute('value', String(r.currentPassSent));
		// The strip marks the present phase for assistive tech too.
		const current = card.getByRole('listitem').filter({ hasText: 'now: Moving Memory' });
		await expect.element(current).toHaveAttribute('aria-current', 'step');
		await expect
			.element(card.getByText('SYNCH IMMED NO · MAXTOTAL NOLIMIT · MAXQUIESCE 10 sec'))
			.toBeVisible();
	});

	it('draws the page map in the legend colours, with its counts as text', async () => {
		const f = frameAfter((s) => move(s, 20_000));
		expect(f.map).not.toBeNull();
		render(RelocationsPanel, props(f));
		const img = page.getByRole('img', { name: /^Page map of ITSOLNX1, 1,048,576 pages, pass 1:/ });
		await expect.element(img).toBeVisible();
		const legend = page.getByRole('list', { name: 'Page map legend' });
		const map = f.map!;
		await expect
			.element(legend.getByRole('listitem').filter({ hasText: 'In this pass' }))
			.toHaveTextContent(map.counters.inFlight.toLocaleString('en-US'));
		// Each cell is one canvas pixel in its legend colour.
		const canvas = document.querySelector('canvas')!;
		const ctx = canvas.getContext('2d')!;
		const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
		const colour = (v: string) => {
			ctx.fillStyle = getComputedStyle(canvas).getPropertyValue(v).trim();
			const hex = String(ctx.fillStyle);
			return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
		};
		const expected: Record<number, number[]> = {
			[CellValue.Sent]: colour('--c-page-sent'),
			[CellValue.InFlight]: colour('--c-page-inflight'),
			[CellValue.Dirty]: colour('--c-page-dirty')
		};
		let checked = 0;
		for (let i = 0; i < map.cells.length; i += 97) {
			const want = expected[map.cells[i]!];
			if (!want) continue;
			expect([pixels[4 * i], pixels[4 * i + 1], pixels[4 * i + 2]]).toEqual(want);
			checked++;
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('shows the outcome with its messages once the relocation has ended', async () => {
		const f = frameAfter((s) => move(s, 120_000));
		render(RelocationsPanel, props(f));
		const card = page.getByRole('article', { name: 'ITSOLNX1 ITSOSSI1 → ITSOSSI2' });
		await expect.element(card.getByText('relocated', { exact: true })).toBeVisible();
		await expect
			.element(card.getByText('User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2'))
			.toBeVisible();
		await expect.element(card.getByText(/^\d+ passes · [\d,]+ pages sent$/)).toBeVisible();
		await expect.element(page.getByText(/The transfer of ITSOLNX1 is over/)).toBeVisible();
	});

	it('asks for another page map when the reader picks one', async () => {
		const f = frameAfter((s) => {
			s.runUntil(2_000);
			s.apply({
				kind: 'command',
				on: 'ITSOSSI1',
				text: 'vmrelocate move itsolnx1 to itsossi2 async'
			});
			s.apply({
				kind: 'command',
				on: 'ITSOSSI3',
				text: 'vmrelocate move itsolnx3 to itsossi4 async'
			});
			s.runUntil(5_000);
		});
		const asked: (number | null)[] = [];
		render(
			RelocationsPanel,
			props(f, (id: number | null) => asked.push(id))
		);
		await page
			.getByLabelText('Show', { exact: true })
			.selectOptions('ITSOLNX1 (ITSOSSI1 → ITSOSSI2)');
		await page.getByLabelText('Show', { exact: true }).selectOptions('latest moving memory');
		expect(asked).toEqual([1, null]);
	});
});
