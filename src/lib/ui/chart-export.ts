/**
 * What the charts' export buttons need from the page they are on, as a Svelte context: file
 * names that say what and when (the scenario and the simulated time shown), and the page's one
 * polite live region to say a file was saved. Outside the lab (a lesson, a test) the names
 * carry no scenario or time and nothing is announced.
 */
import { getContext, setContext } from 'svelte';
import { exportFileName } from '../export/file-name';

export interface ChartExport {
	/** The scenario's id and the simulated ms shown now (null when there are none). */
	subject(): { scenario: string | null; t: number | null };
	/** Says something in the page's polite live region. */
	announce(message: string): void;
}

const KEY = Symbol('chart-export');

const NONE: ChartExport = {
	subject: () => ({ scenario: null, t: null }),
	announce: () => {}
};

/** Makes `value` the charts' export context for the component calling it and those below. */
export function setChartExport(value: ChartExport): void {
	setContext(KEY, value);
}

/** The charts' export context, or one that names files without a scenario or time. */
export function getChartExport(): ChartExport {
	return getContext<ChartExport | undefined>(KEY) ?? NONE;
}

/** The file name of an export of `what` as `ext`, for the subject shown now. */
export function chartFileName(ctx: ChartExport, what: string, ext: string): string {
	const { scenario, t } = ctx.subject();
	return exportFileName({ scenario, what, simMs: t, ext });
}
