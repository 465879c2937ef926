// The live state charts in a real browser: the three machines drawn as images with their
// current states marked by more than colour, and the table alternative listing every state
// and transition with the current ones marked.
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import '../../src/lib/ui/theme.css';
import StateCharts from '../../src/lib/viz/StateCharts.svelte';
import { clusterModeMachine } from '../../src/lib/core/machines/cluster-mode.machine';
import { memberMachine } from '../../src/lib/core/machines/member.machine';
import { relocationMachine } from '../../src/lib/core/machines/relocation.machine';
import { machineGraph } from '../../src/lib/core/machines/graph';

const props = {
	// The graphs the lab gets from the worker's `machines` answer.
	graphs: {
		member: machineGraph(memberMachine),
		clusterMode: machineGraph(clusterModeMachine),
		relocation: machineGraph(relocationMachine)
	},
	members: [
		{ name: 'SSI1', state: 'Joined' },
		{ name: 'SSI2', state: 'Joined' },
		{ name: 'SSI3', state: 'Suspended' },
		{ name: 'SSI4', state: 'Down' }
	],
	mode: 'Safe',
	relocations: [{ id: 1, user: 'LNXGUEST', phase: 'MovingMemory' }]
};

/** The chart's SVG state group for `state`, in the figure named `title`. */
function stateGroup(title: string, state: string): SVGGElement {
	const figure = [...document.querySelectorAll('figure')].find((f) =>
		f.querySelector('figcaption')?.textContent?.includes(title)
	);
	const g = figure?.querySelector<SVGGElement>(`g.state[data-state="${state}"]`);
	if (!g) throw new Error(`no state ${state} in ${title}`);
	return g;
}

describe('StateCharts', () => {
	it('draws the three machines as labelled images', async () => {
		render(StateCharts, props);
		await expect.element(page.getByRole('heading', { name: 'Live state charts' })).toBeVisible();
		await expect.element(page.getByRole('img', { name: /^Member states/ })).toBeVisible();
		await expect.element(page.getByRole('img', { name: /^Cluster mode/ })).toBeVisible();
		await expect.element(page.getByRole('img', { name: /^Relocation phases/ })).toBeVisible();
		// The image's description tells what is current, in words.
		const members = page.getByRole('img', { name: /^Member states/ });
		await expect
			.element(members)
			.toHaveAccessibleDescription(
				/Current: Down \(SSI4\); Joined \(SSI1, SSI2\); Suspended \(SSI3\)\./
			);
		await expect
			.element(page.getByRole('img', { name: /^Cluster mode/ }))
			.toHaveAccessibleDescription(/Current: Safe\./);
	});

	it('marks current states with an outline, a hatch pattern and badges, not colour alone', async () => {
		render(StateCharts, props);
		await expect.element(page.getByRole('img', { name: /^Member states/ })).toBeVisible();
		const joined = stateGroup('Member states', 'Joined');
		const leaving = stateGroup('Member states', 'Leaving');
		expect(joined.classList.contains('current')).toBe(true);
		expect(leaving.classList.contains('current')).toBe(false);
		// A pattern fill and badges with the members' names appear only on current states.
		expect(joined.querySelector('rect.hatch')?.getAttribute('fill')).toMatch(/^url\(#.+-hatch\)$/);
		expect(leaving.querySelector('rect.hatch')).toBeNull();
		expect([...joined.querySelectorAll('.badge text')].map((t) => t.textContent)).toEqual([
			'SSI1',
			'SSI2'
		]);
		expect(leaving.querySelectorAll('.badge')).toHaveLength(0);
		// The outline is heavier on a current state.
		const width = (g: SVGGElement) =>
			parseFloat(getComputedStyle(g.querySelector('rect.box') as Element).strokeWidth);
		expect(width(joined)).toBeGreaterThan(width(leaving) + 1);
		// The cluster mode: one current state, marked "current".
		const safe = stateGroup('Cluster mode', 'Safe');
		expect(safe.classList.contains('current')).toBe(true);
		expect(safe.querySelector('.badge text')?.textContent).toBe('current');
		expect(stateGroup('Cluster mode', 'Stable').classList.contains('current')).toBe(false);
		// The relocation: its guest in its phase.
		const moving = stateGroup('Relocation phases', 'MovingMemory');
		expect(moving.querySelector('.badge text')?.textContent).toBe('LNXGUEST');
		// Names fit in their boxes (the layout's text estimate is wide enough for this browser's font).
		for (const g of document.querySelectorAll<SVGGElement>('g.state')) {
			const box = g.querySelector('rect.box') as SVGRectElement;
			const name = g.querySelector('text.name') as SVGTextElement;
			expect(name.getComputedTextLength(), g.dataset.state).toBeLessThan(box.width.baseVal.value);
		}
	});

	it('lists states and transitions in tables, the current ones marked', async () => {
		render(StateCharts, props);
		const states = page.getByRole('table', { name: 'Member states: states' });
		await expect.element(states).toBeInTheDocument();
		const joinedRow = states.getByRole('row', { name: /^Joined/ });
		await expect.element(joinedRow).toHaveAttribute('aria-current', 'true');
		await expect.element(joinedRow).toHaveTextContent('Current: SSI1, SSI2');
		await expect
			.element(states.getByRole('row', { name: /^Leaving/ }))
			.not.toHaveAttribute('aria-current');
		await expect.element(states.getByRole('row', { name: /^Down/ })).toHaveTextContent('initial');

		// Every transition of the member machine is a row: from, event, condition, to.
		const transitions = page.getByRole('table', { name: 'Member states: transitions' });
		const graph = machineGraph(memberMachine);
		const rows = [...(transitions.element() as HTMLTableElement).tBodies[0]!.rows].map((r) =>
			[...r.cells].map((c) => c.textContent?.trim())
		);
		expect(rows).toHaveLength(graph.edges.length);
		expect(rows).toContainEqual(['Joined', 'member.peerLost', '', 'Suspended', 'yes']);
		expect(rows).toContainEqual(['Down', 'member.ipl', 'not compatible', 'Isolated', 'yes']);
		expect(rows).toContainEqual(['Suspended', 'member.peersRestored', '', 'Joined', 'yes']);

		const modes = page.getByRole('table', { name: 'Cluster mode: transitions' });
		await expect
			.element(modes.getByRole('row', { name: /Evaluating always influx/ }))
			.toHaveTextContent('influx (if not safe)');
		await expect
			.element(
				page
					.getByRole('table', { name: 'Relocation phases: states' })
					.getByRole('row', { name: /^MovingMemory/ })
			)
			.toHaveTextContent('Current: LNXGUEST');
	});

	it('shows the tables on screen when the toggle is pressed', async () => {
		render(StateCharts, props);
		const toggle = page.getByRole('button', { name: 'Show table' }).first();
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'false');
		const table = page.getByRole('table', { name: 'Member states: states' });
		const controlled = (toggle.element() as HTMLElement).getAttribute('aria-controls') ?? '';
		const size = () => document.getElementById(controlled)?.getBoundingClientRect().width ?? 0;
		expect(document.getElementById(controlled)?.contains(table.element())).toBe(true);
		expect(size()).toBeLessThanOrEqual(1);
		await toggle.click();
		await expect.element(toggle).toHaveAttribute('aria-pressed', 'true');
		await expect.element(table).toBeVisible();
		expect(size()).toBeGreaterThan(100);
	});

	it('updates the marks when the states change, without moving the states', async () => {
		const screen = await render(StateCharts, props);
		await expect.element(page.getByRole('img', { name: /^Member states/ })).toBeVisible();
		const before = stateGroup('Member states', 'Leaving')
			.querySelector('rect.box')
			?.getAttribute('x');
		await screen.rerender({
			...props,
			members: [{ name: 'SSI1', state: 'Leaving' }, ...props.members.slice(1)],
			mode: 'Influx',
			relocations: []
		});
		await expect
			.element(
				page
					.getByRole('table', { name: 'Member states: states' })
					.getByRole('row', { name: /^Leaving/ })
			)
			.toHaveAttribute('aria-current', 'true');
		const leaving = stateGroup('Member states', 'Leaving');
		expect(leaving.classList.contains('current')).toBe(true);
		expect(leaving.querySelector('rect.box')?.getAttribute('x')).toBe(before);
		expect(stateGroup('Cluster mode', 'Influx').classList.contains('current')).toBe(true);
		expect(stateGroup('Cluster mode', 'Safe').classList.contains('current')).toBe(false);
		await expect
			.element(page.getByRole('img', { name: /^Relocation phases \(none in progress\)/ }))
			.toBeVisible();
		expect(document.querySelectorAll('figure:last-of-type g.state.current')).toHaveLength(0);
	});
});
