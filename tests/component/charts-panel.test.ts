// The lab's Charts area in a real browser, fed a frame of a real simulation: the tabs follow
// the WAI-ARIA tabs pattern from the keyboard, the chosen chart loads and draws, and "Download
// run data" says so, in place and through the page's live region, when the run cannot be had.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page, userEvent } from 'vitest/browser';
import '../../src/lib/ui/theme.css';
import { buildInitialState } from '../../src/lib/core/model/build';
import { loadBuiltin } from '../../src/lib/core/scenarios/index';
import { Simulation } from '../../src/lib/core/simulation';
import { clusterModeMachine } from '../../src/lib/core/machines/cluster-mode.machine';
import { machineGraph } from '../../src/lib/core/machines/graph';
import { memberMachine } from '../../src/lib/core/machines/member.machine';
import { relocationMachine } from '../../src/lib/core/machines/relocation.machine';
import ChartsPanel from '../../src/lib/ui/ChartsPanel.svelte';
import { NO_HISTORIES } from '../../src/lib/worker/history-merge';
import { buildView } from '../../src/lib/worker/view';

function frame() {
	const spec = loadBuiltin('itsossia');
	if (!spec.ok) throw new Error('itsossia does not validate');
	const sim = new Simulation(buildInitialState(spec.value));
	sim.runUntil(5_000);
	return buildView(
		sim,
		{ frame: 1, generation: 1, title: 't', source: 's', playing: false, speed: 1 },
		null
	);
}

function props(overrides: Record<string, unknown> = {}) {
	return {
		view: frame(),
		histories: NO_HISTORIES,
		scenario: { builtin: 'itsossia' },
		getReport: async () => null,
		// What the worker's `machines` request answers (sim-host.ts).
		getMachines: async () => ({
			id: 1,
			type: 'ok' as const,
			of: 'machines' as const,
			member: machineGraph(memberMachine),
			clusterMode: machineGraph(clusterModeMachine),
			relocation: machineGraph(relocationMachine)
		}),
		announce: vi.fn(),
		...overrides
	};
}

describe('ChartsPanel', () => {
	it('has three tabs, one selected and in the Tab order, the arrow keys, Home and End choosing', async () => {
		render(ChartsPanel, props());
		const tabs = page.getByRole('tab');
		await expect.element(page.getByRole('tablist', { name: 'Charts' })).toBeVisible();
		expect(tabs.elements().map((t) => t.textContent)).toEqual([
			'Convergence',
			'Quiesce window',
			'State charts'
		]);
		const tab = (name: string) => page.getByRole('tab', { name });
		await expect.element(tab('Convergence')).toHaveAttribute('aria-selected', 'true');
		expect(tabs.elements().map((t) => (t as HTMLElement).tabIndex)).toEqual([0, -1, -1]);
		(tab('Convergence').element() as HTMLElement).focus();
		await userEvent.keyboard('{ArrowLeft}');
		await expect.element(tab('State charts')).toHaveAttribute('aria-selected', 'true');
		await expect.element(tab('State charts')).toHaveFocus();
		expect(tabs.elements().map((t) => (t as HTMLElement).tabIndex)).toEqual([-1, -1, 0]);
		await userEvent.keyboard('{ArrowRight}');
		await expect.element(tab('Convergence')).toHaveFocus();
		await userEvent.keyboard('{End}');
		await expect.element(tab('State charts')).toHaveFocus();
		await userEvent.keyboard('{Home}');
		await expect.element(tab('Convergence')).toHaveAttribute('aria-selected', 'true');
		// Each tab controls its panel; only the selected one is shown.
		for (const t of tabs.elements()) {
			const panel = document.getElementById(t.getAttribute('aria-controls')!)!;
			expect(panel.getAttribute('role')).toBe('tabpanel');
			expect(panel.hidden).toBe(t.getAttribute('aria-selected') !== 'true');
		}
	});

	it('loads the charts and draws the one chosen', async () => {
		render(ChartsPanel, props());
		// No relocation yet: the convergence tab says how to start one.
		await expect
			.element(page.getByRole('tabpanel', { name: 'Convergence' }))
			.toHaveTextContent(/No relocation yet\..*VMRELOCATE MOVE userid TO sysname/);
		await page.getByRole('tab', { name: 'State charts' }).click();
		const members = page.getByRole('img', { name: 'Member states' });
		await expect.element(members).toBeVisible();
		await expect
			.element(members)
			.toHaveAccessibleDescription(/Current: Joined \(ITSOSSI1, ITSOSSI2, ITSOSSI3, ITSOSSI4\)\./);
		await expect
			.element(page.getByRole('img', { name: 'Relocation phases (none in progress)' }))
			.toBeVisible();
		await page.getByRole('tab', { name: 'Quiesce window' }).click();
		await expect
			.element(page.getByRole('img', { name: 'Quiesce window of the relocations shown' }))
			.toHaveAccessibleDescription('No relocations yet.');
	});

	it('says so in place when the simulation does not send the machines', async () => {
		render(ChartsPanel, props({ getMachines: async () => null }));
		await expect
			.element(
				page.getByText(
					/The charts could not be loaded: the simulation did not send the state machines/
				)
			)
			.toBeVisible();
	});

	it('says when the run data cannot be had, in place and in the live region', async () => {
		const announce = vi.fn();
		render(ChartsPanel, props({ announce }));
		await page.getByText('Download run data', { exact: true }).click();
		await page.getByRole('button', { name: 'Event log as CSV' }).click();
		const problem = 'The run data could not be saved: the simulation did not answer';
		await expect.element(page.getByText(problem)).toBeVisible();
		expect(announce).toHaveBeenCalledWith(problem);
	});
});
