// The lab's Charts area as a new user meets it: a relocation typed on the console, the
// convergence chart of the watched relocation growing pass by pass, the quiesce window and the
// live state charts, a data table opened, and every export downloaded and read back: the SVG is
// XML with an <svg> root, the PNG a PNG, the CSV one row per pass under its header, the JSON
// the documented keys; the run data likewise. Figures the engine computes are never written
// down here: the tests compare what the files hold with what the page shows.
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { charts, mode, relocations, setSpeed, typeCommand } from './lab-page';

/** A file name that says the scenario, what and the simulated time. */
const named = (what: string, ext: string) =>
	new RegExp(`^quiesce-itsossia-${what}-t\\d+h\\d{2}m\\d{2}\\.\\d{3}s\\.${ext}$`);

/** Clicks `button` and returns the file it downloads, with its name and bytes. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
	const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const path = await (file as Download).path();
	return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** CSV text without its byte-order mark, as records of fields (the lab's CSV has no quoted line breaks here). */
function csvLines(bytes: Buffer): string[] {
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.subarray(3).toString('utf8');
	expect(text.endsWith('\r\n')).toBe(true);
	return text.slice(0, -2).split('\r\n');
}

test('a relocation’s charts update live, show their tables and download as SVG, PNG, CSV and JSON', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/?scenario=itsossia');
	await expect(mode(page, 'Stable')).toBeVisible();
	const area = charts(page);
	await area.scrollIntoViewIfNeeded();
	const tab = (name: string) => area.getByRole('tab', { name });
	await expect(tab('Convergence')).toHaveAttribute('aria-selected', 'true');
	await expect(area.getByText(/^No relocation yet\./)).toBeVisible();

	await setSpeed(page, '5');
	await typeCommand(page, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2');
	const card = relocations(page).getByRole('article', { name: 'ITSOLNX1 ITSOSSI1 → ITSOSSI2' });
	await expect(card.getByText('Moving Memory', { exact: true })).toBeVisible();

	// The live state charts: the relocation in its phase, by name.
	await tab('State charts').click();
	const phases = area.getByRole('img', { name: 'Relocation phases' });
	await expect(phases).toHaveAccessibleDescription(/Current: MovingMemory \(ITSOLNX1\)\./);
	await expect(area.getByRole('img', { name: 'Member states' })).toHaveAccessibleDescription(
		/Current: Joined \(ITSOSSI1, ITSOSSI2, ITSOSSI3, ITSOSSI4\)\./
	);

	// The convergence chart of the relocation the page map watches, growing as passes end.
	await tab('Convergence').click();
	const convergence = area.getByRole('img', {
		name: "Convergence of ITSOLNX1's memory, ITSOSSI1 → ITSOSSI2"
	});
	await expect(convergence).toBeVisible();
	await expect(convergence).toHaveAccessibleDescription(
		/^(No passes through memory yet\.|1 pass )/
	);
	await expect(convergence).toHaveAccessibleDescription(/^\d+ pass(es)? \(\d+ quiesced\) sent/, {
		timeout: 40_000
	});
	await expect(card.getByText('relocated', { exact: true })).toBeVisible({ timeout: 60_000 });
	await page
		.getByRole('group', { name: 'Simulation controls' })
		.getByRole('button', { name: 'Pause' })
		.click();
	const counts = (await card.getByText(/^\d+ pass(es)? · [\d,]+ pages sent$/).textContent()) ?? '';
	const passes = Number(/^(\d+)/.exec(counts)?.[1]);
	expect(passes).toBeGreaterThanOrEqual(2);
	await expect(convergence).toHaveAccessibleDescription(
		new RegExp(`^${passes} passes \\(2 quiesced\\) sent .*Quiesced \\d+ ms of a 10 s budget\\.`)
	);

	// Its data table, on screen when asked for: one row per pass.
	const figure = area.getByRole('figure', {
		name: "Convergence of ITSOLNX1's memory, ITSOSSI1 → ITSOSSI2"
	});
	const passTable = figure.getByRole('table', { name: /: passes$/ });
	await figure.getByRole('button', { name: 'Show table' }).click();
	await expect(passTable).toBeVisible();
	await expect(passTable.locator('tbody tr')).toHaveCount(passes);

	// Every export of the chart.
	await figure.getByText('Export', { exact: true }).click();
	const button = (kind: string) =>
		figure.getByRole('button', {
			name: `Download Convergence of ITSOLNX1's memory, ITSOSSI1 → ITSOSSI2 as ${kind}`
		});

	const svg = await download(page, button('SVG image'));
	expect(svg.name).toMatch(named('convergence-1-ITSOLNX1', 'svg'));
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			root: doc.documentElement.localName,
			ns: doc.documentElement.namespaceURI,
			bars: doc.querySelectorAll('g.pass').length,
			vars: text.includes('var(')
		};
	}, svg.bytes.toString('utf8'));
	expect(parsed).toEqual({
		error: null,
		root: 'svg',
		ns: 'http://www.w3.org/2000/svg',
		bars: passes,
		vars: false
	});
	await expect(page.getByRole('status')).toContainText(`Saved Convergence of ITSOLNX1's memory`);

	const png = await download(page, button('PNG image'));
	expect(png.name).toMatch(named('convergence-1-ITSOLNX1', 'png'));
	expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
	expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(0);
	expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(0);

	const csv = await download(page, button('CSV data'));
	expect(csv.name).toMatch(named('convergence-1-ITSOLNX1', 'csv'));
	const lines = csvLines(csv.bytes);
	expect(lines[0]).toBe('pass,pages,startMs,endMs,durationMs,quiesced,dirtyAfterPass,closedForm');
	expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(
		Array.from({ length: passes }, (_, i) => String(i + 1))
	);

	const json = await download(page, button('JSON data'));
	expect(json.name).toMatch(named('convergence-1-ITSOLNX1', 'json'));
	const doc = JSON.parse(json.bytes.toString('utf8')) as Record<string, unknown>;
	expect(Object.keys(doc)).toEqual([
		'format',
		'version',
		'chart',
		'title',
		'scenario',
		't',
		'columns',
		'rows',
		'figures'
	]);
	expect(doc).toMatchObject({
		format: 'quiesce-chart',
		version: 1,
		chart: 'convergence',
		scenario: 'itsossia'
	});
	expect(doc.rows).toHaveLength(passes);

	// The quiesce window: the relocation's phases, its quiesce and the guest's stall.
	await tab('Convergence').focus();
	await page.keyboard.press('ArrowRight');
	await expect(tab('Quiesce window')).toBeFocused();
	await expect(tab('Quiesce window')).toHaveAttribute('aria-selected', 'true');
	const timeline = area.getByRole('img', { name: 'Quiesce window of the relocations shown' });
	await expect(timeline).toHaveAccessibleDescription(
		/^1 relocation\. #1 ITSOLNX1 ITSOSSI1 → ITSOSSI2, relocated: quiesced \d+ ms of a 10 s budget; .*Request latency of ITSOLNX1 /
	);
	const windowFigure = area.getByRole('figure', {
		name: 'Quiesce window of the relocations shown'
	});
	await windowFigure.getByRole('button', { name: 'Show table' }).click();
	await expect(windowFigure.getByRole('table', { name: /: phases$/ })).toBeVisible();
	await windowFigure.getByText('Export', { exact: true }).click();
	const windowCsv = await download(
		page,
		windowFigure.getByRole('button', { name: /as CSV data$/ })
	);
	expect(windowCsv.name).toMatch(named('quiesce-window', 'csv'));
	const phaseRows = csvLines(windowCsv.bytes);
	expect(phaseRows[0]).toBe(
		'relocation,user,from,to,outcome,phase,startMs,endMs,durationMs,guest,inProgress'
	);
	expect(phaseRows.slice(1).map((l) => l.split(',')[5])).toEqual([
		'Eligibility',
		'CreatingSkeleton',
		'MovingMemory',
		'MovingGuest',
		'FinalMemCopy',
		'Resuming',
		'CleaningUp'
	]);

	// The whole run: JSON to replay and read, CSV per table.
	const runData = area.getByText('Download run data', { exact: true });
	await runData.click();
	const run = await download(page, area.getByRole('button', { name: 'Run as JSON' }));
	expect(run.name).toMatch(named('run', 'json'));
	const exported = JSON.parse(run.bytes.toString('utf8')) as {
		format: string;
		scenario: unknown;
		inputs: unknown[];
		report: { relocations: { passes: unknown[]; phases: { phase: string }[] }[]; log: unknown[] };
	};
	expect(Object.keys(exported)).toEqual([
		'format',
		'version',
		'scenario',
		'seed',
		'inputs',
		'report'
	]);
	expect(exported.format).toBe('quiesce-run');
	expect(exported.scenario).toEqual({ builtin: 'itsossia' });
	expect(exported.inputs).toHaveLength(1);
	expect(exported.report.relocations[0]!.passes).toHaveLength(passes);
	expect(exported.report.relocations[0]!.phases.at(-1)!.phase).toBe('Relocated');

	const runPasses = await download(page, area.getByRole('button', { name: 'Passes as CSV' }));
	expect(runPasses.name).toMatch(named('run-passes', 'csv'));
	const passLines = csvLines(runPasses.bytes);
	expect(passLines[0]).toBe('relocation,user,from,to,outcome,pass,pages,startMs,endMs,quiesced');
	expect(passLines.slice(1)).toHaveLength(passes);

	const runPhases = await download(page, area.getByRole('button', { name: 'Phases as CSV' }));
	expect(runPhases.name).toMatch(named('run-phases', 'csv'));
	expect(csvLines(runPhases.bytes)[0]).toBe('relocation,user,from,to,outcome,phase,startMs,endMs');

	const runLog = await download(page, area.getByRole('button', { name: 'Event log as CSV' }));
	expect(runLog.name).toMatch(named('run-log', 'csv'));
	const logLines = csvLines(runLog.bytes);
	expect(logLines[0]).toBe('t,time,kind,member,text');
	expect(logLines.length - 1).toBe(exported.report.log.length);
	await page.keyboard.press('Escape');
	await expect(runData).toBeFocused();
});
