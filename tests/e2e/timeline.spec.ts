// Going back in time, as a new user would: by roles, labels and the text on screen. Every
// jump (Step back, the timeline's keys, dragging it to a time) must show exactly what the lab
// showed at that time before (clock, cluster mode, member cards, console, event log); a fork
// drops the recorded future; a copied link reopens the lab at the same moment in another page;
// a garbage link gets a clear alert and a working default scenario.
import { expect, test, type Page } from '@playwright/test';
import { clock, member, mode, setSpeed, stateOf } from './lab-page';

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
const pastNotice = (page: Page) =>
	page.getByText('Viewing the past · the run continues as recorded.');

/** Simulated ms of a clock reading such as `1:02.345`. */
function ms(clockText: string): number {
	const m = /^(?:(\d+):)?(\d+):(\d{2})\.(\d{3})/.exec(clockText);
	if (!m) throw new Error(`not a clock reading: ${clockText}`);
	const [, h, min, s, milli] = m;
	return ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(milli);
}

/** Everything the lab shows of the simulation, as text: what a jump must reproduce exactly. */
async function shown(page: Page): Promise<Record<string, string>> {
	const text = async (name: string, locator: ReturnType<Page['locator']>) =>
		[name, (await locator.innerText()).trim()] as const;
	return Object.fromEntries(
		await Promise.all([
			text('clock', clock(page)),
			text('mode', page.getByText(/^Cluster mode (Stable|Influx|Safe)$/)),
			text('ITSOSSI5', member(page, 'ITSOSSI5')),
			text('ITSOSSI6', member(page, 'ITSOSSI6')),
			text('console', page.getByRole('log', { name: /^Console output of / })),
			text('events', page.getByRole('list', { name: 'Events, newest first' }))
		])
	);
}

async function openPaused(page: Page, path = '/') {
	await page.goto(path);
	await expect(mode(page, 'Stable')).toBeVisible();
	await button(page, 'Pause').click();
	await expect(button(page, 'Play')).toBeVisible();
}

/** Types a command on a member's console and waits for CP's Ready. */
async function command(page: Page, on: string, text: string) {
	await page.getByLabel('Member', { exact: true }).selectOption(on);
	const output = page.getByRole('log', { name: `Console output of ${on}` });
	const readies = await output.getByText(/^Ready/).count();
	await page.getByLabel('Command', { exact: true }).fill(text);
	await page.getByLabel('Command', { exact: true }).press('Enter');
	await expect(output.getByText(/^Ready/)).toHaveCount(readies + 1);
}

/**
 * From a paused lab: a QUERY on ITSOSSI5, a crash of ITSOSSI6, then Step until the cluster is
 * Safe and a few events beyond. Returns what the lab showed at each time it stood at.
 */
async function runAndRecord(page: Page): Promise<Map<string, Record<string, string>>> {
	const seen = new Map<string, Record<string, string>>();
	const keep = async () => {
		const s = await shown(page);
		seen.set(s.clock!, s);
	};
	await command(page, 'ITSOSSI5', 'q ssi');
	await page.getByRole('button', { name: 'Crash ITSOSSI6 (abend)' }).click();
	await expect(stateOf(page, 'ITSOSSI6', 'Down')).toBeVisible();
	await keep();
	let afterSafe = 0;
	for (let i = 0; i < 60 && afterSafe < 3; i++) {
		const before = await clock(page).innerText();
		await button(page, 'Step').click();
		await expect(clock(page)).not.toHaveText(before);
		await keep();
		if (await mode(page, 'Safe').isVisible()) afterSafe++;
	}
	expect(afterSafe).toBe(3);
	return seen;
}

test('step back and the timeline land on exactly the states shown before', async ({ page }) => {
	await openPaused(page);
	const seen = await runAndRecord(page);
	const end = await shown(page);
	await expect(pastNotice(page)).toBeHidden();

	// Step back, event by event: each landing is a moment the lab stood at, shown identically,
	// back to the crash (the first thing recorded).
	const crash = [...seen.keys()][0]!;
	let landings = 0;
	let sawSafe = false;
	while (ms(await clock(page).innerText()) > ms(crash)) {
		const before = await clock(page).innerText();
		await button(page, 'Step back').click();
		await expect(clock(page)).not.toHaveText(before);
		const now = await shown(page);
		expect(seen.has(now.clock!), `Step back landed on ${now.clock}, a time shown before`).toBe(
			true
		);
		expect(now).toEqual(seen.get(now.clock!));
		await expect(pastNotice(page)).toBeVisible();
		if (now.mode!.includes('Safe')) sawSafe = true;
		landings++;
	}
	expect(landings).toBeGreaterThanOrEqual(2);
	expect(sawSafe).toBe(true);
	expect(await clock(page).innerText()).toBe(crash);

	// The timeline: End goes back to the latest moment, Home to the start.
	const timeline = slider(page);
	await timeline.focus();
	await timeline.press('End');
	await expect(clock(page)).toHaveText(end.clock!);
	expect(await shown(page)).toEqual(end);
	await expect(pastNotice(page)).toBeHidden();
	await timeline.press('Home');
	await expect(clock(page)).toHaveText('0:00.000 elapsed');
	await expect(stateOf(page, 'ITSOSSI6', 'Joined')).toBeVisible();
	await expect(page.getByText('No output yet on ITSOSSI5.', { exact: false })).toBeVisible();
	await expect(pastNotice(page)).toBeVisible();
	const start = await shown(page);
	await expect(timeline).toHaveAttribute(
		'aria-valuetext',
		`0:00.000 of ${end.clock!.split(' ')[0]}`
	);

	// Arrow keys step by event: Right goes to the crash, Left back to the start.
	await timeline.press('ArrowRight');
	await expect(clock(page)).toHaveText(crash);
	expect(await shown(page)).toEqual(seen.get(crash));
	await timeline.press('ArrowLeft');
	await expect(clock(page)).toHaveText('0:00.000 elapsed');
	expect(await shown(page)).toEqual(start);

	// Dragging the timeline to a time shown earlier shows that moment again.
	const times = [...seen.keys()];
	for (const t of [times[Math.floor(times.length / 2)]!, times[1]!, times.at(-2)!]) {
		await timeline.fill(String(ms(t)));
		await expect(clock(page)).toHaveText(t);
		expect(await shown(page)).toEqual(seen.get(t));
	}
});

test('playing from the past repeats the recorded run; a fork discards the recorded future', async ({
	page
}) => {
	await openPaused(page);
	await runAndRecord(page);
	const latest = await page.getByText(/^Latest /).innerText();

	// Back to before the crash: ITSOSSI6 is Joined again, and the recorded crash is still ahead.
	await slider(page).focus();
	await slider(page).press('Home');
	await expect(stateOf(page, 'ITSOSSI6', 'Joined')).toBeVisible();
	await expect(page.getByText(/^Latest /)).toHaveText(latest);
	await setSpeed(page, '10');
	await button(page, 'Play').click();
	await expect(stateOf(page, 'ITSOSSI6', 'Down')).toBeVisible();
	await button(page, 'Pause').click();

	// Back to the start again, and fork there: the recorded crash is gone for good.
	await slider(page).focus();
	await slider(page).press('Home');
	await expect(clock(page)).toHaveText('0:00.000 elapsed');
	await expect(button(page, 'Fork')).toBeEnabled();
	await button(page, 'Fork').click();
	await expect(page.getByText('Forked at 0:00.000', { exact: true })).toBeVisible();
	await expect(pastNotice(page)).toBeHidden();
	await expect(page.getByText(/^Latest /)).toHaveText('Latest 0:00.000');
	await button(page, '+10 s').click();
	await button(page, '+10 s').click();
	await expect(clock(page)).toHaveText('0:20.000 elapsed');
	await expect(stateOf(page, 'ITSOSSI6', 'Joined')).toBeVisible();
	await expect(mode(page, 'Stable')).toBeVisible();
	await expect(
		page.getByRole('list', { name: 'Events, newest first' }).getByText(/abend/i)
	).toHaveCount(0);
});

test('a command typed in the past forks the run there, and says so', async ({ page }) => {
	await openPaused(page);
	await runAndRecord(page);
	await slider(page).focus();
	await slider(page).press('Home');
	await expect(page.getByText('A command typed now forks the run here.')).toBeVisible();
	await command(page, 'ITSOSSI6', 'q ssi');
	await expect(page.getByText('Forked at 0:00.000', { exact: true })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Forked at 0:00.000');
	await expect(pastNotice(page)).toBeHidden();
	await expect(stateOf(page, 'ITSOSSI6', 'Joined')).toBeVisible();
});

test('Reset starts the scenario over with nothing recorded', async ({ page }) => {
	await openPaused(page);
	await page.getByRole('button', { name: 'Crash ITSOSSI6 (abend)' }).click();
	await expect(stateOf(page, 'ITSOSSI6', 'Down')).toBeVisible();
	await expect(button(page, 'Reset')).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+R');
	await button(page, 'Reset').click();
	await expect(clock(page)).toHaveText('0:00.000 elapsed');
	await expect(stateOf(page, 'ITSOSSI6', 'Joined')).toBeVisible();
	await expect(page.getByText(/^Latest /)).toHaveText('Latest 0:00.000');
	// The shortcuts work from anywhere but a text field.
	await page.keyboard.press('Shift+ArrowRight');
	await expect(clock(page)).not.toHaveText('0:00.000 elapsed');
	await page.keyboard.press('Shift+ArrowLeft');
	await expect(clock(page)).toHaveText('0:00.000 elapsed');
});

test('a copied link opens the same moment in another page, paused there', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openPaused(page, '/?scenario=itsossib');
	await runAndRecord(page);
	// Somewhere in the past, to show the link is of the moment shown, not of the latest.
	await slider(page).focus();
	await slider(page).press('ArrowLeft');
	await slider(page).press('ArrowLeft');
	await expect(pastNotice(page)).toBeVisible();
	await page.getByLabel('Member', { exact: true }).selectOption('ITSOSSI6');
	const sent = await shown(page);

	await button(page, 'Copy link').click();
	await expect(page.getByText('Link copied', { exact: true })).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(/\?scenario=itsossib#v=1&scenario=itsossib&seed=\d+&t=\d+/);
	expect(link).toContain('&inputs=');
	// The address shows the same link.
	expect(page.url()).toBe(link);

	const other = await context.newPage();
	await other.goto(link);
	await expect(clock(other)).toHaveText(sent.clock!);
	await expect(button(other, 'Play')).toBeVisible();
	await other.getByLabel('Member', { exact: true }).selectOption('ITSOSSI6');
	expect(await shown(other)).toEqual(sent);
	await expect(other.getByRole('alert')).toHaveCount(0);
});

test('a garbage link gets an alert naming what is wrong, and the default scenario runs', async ({
	page
}) => {
	await page.goto('/#v=1&scenario=nope&seed=banana&t=-4&inputs=%3Cscript%3E');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('This link could not be opened');
	await expect(alert).toContainText('seed: "banana" is not an integer');
	await expect(alert).toContainText('t: "-4" is negative');
	await expect(alert).toContainText('scenario: no built-in scenario "nope"');
	await expect(alert).toContainText('inputs: not valid base64url ("<" at character 1)');
	await expect(alert).toContainText('Showing the default scenario, itsossib, instead.');
	// The default scenario runs.
	await expect(mode(page, 'Stable')).toBeVisible();
	await expect(page.getByText('SSI cluster ITSOSSIB', { exact: true })).toBeVisible();
	const first = await clock(page).innerText();
	await expect(clock(page)).not.toHaveText(first);
	// The bad address gives way to the state of the default scenario.
	await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v=1&scenario=itsossib&/);

	// A link of another format version, in a fresh page.
	const other = await page.context().newPage();
	await other.goto('/#v=7&junk=1');
	await expect(other.getByRole('alert')).toContainText('v: version "7" is not supported');
	await expect(mode(other, 'Stable')).toBeVisible();
});
