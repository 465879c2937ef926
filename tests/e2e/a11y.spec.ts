// axe-core (WCAG 2.0 and 2.1, levels A and AA) on the lab in every theme, in the states that
// show the most UI: at rest, with a relocation moving memory, in Safe mode with a link degraded,
// with an ineligible guest's VMRELOCATE TEST reasons on the console, with the lab's menus (a
// guest's Relocate menu, a topology fault menu), a drag in progress and the dialog of a refused
// relocation open, and the Charts area in each of its tabs with the data tables hidden and shown
// and its menus open; the lab's Embed dialog; the embed (/embed/) with its default panels,
// with every panel and with a parameter error; compare mode before a run, with a settings error
// and after both relocations ended; the scenario gallery and the scenario editor with its errors
// showing; each page of the reference at /docs (the command reference also filtered, and the
// embed API); the lesson list (with progress and its reset confirmation) and a lesson before
// and after a verdict; and presenter mode (the deck list, a slide, the key help and the speaker
// notes).
// No rule is disabled.
// A violation fails the test with every node it was found on, readably. axe cannot work out the
// background of SVG text or text over a gradient (it reports those as "incomplete", not as
// violations): tests/unit/ui/theme-contrast.test.ts checks those pairs from theme.css instead.
// Then the theme switcher (saved, applied before first paint, following the system) and
// prefers-reduced-motion.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { charts, member, mode, relocations, setSpeed, typeCommand } from './lab-page';
import { THEME_STORAGE_KEY, THEMES, type Theme } from '../../src/lib/ui/theme';
import { PRESENT_THEME_KEY } from '../../src/lib/present/present-theme';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Opens the lab with a theme saved, as a returning reader would, and checks it is in force. */
async function openLab(page: Page, theme: Theme, query = '') {
	await page.addInitScript(
		([key, value]) => window.localStorage.setItem(key!, value!),
		[THEME_STORAGE_KEY, theme]
	);
	await page.goto(`/${query}`);
	await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
	await expect(mode(page, 'Stable')).toBeVisible();
}

/** Opens a page other than the lab with a theme saved, and checks it is in force. */
async function openPage(page: Page, theme: Theme, path: string) {
	await page.addInitScript(
		([key, value]) => window.localStorage.setItem(key!, value!),
		[THEME_STORAGE_KEY, theme]
	);
	await page.goto(path);
	await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Opens compare mode with a theme saved, and waits for the comparison to start. */
async function openCompare(page: Page, theme: Theme) {
	await openPage(page, theme, '/compare/');
	await expect(page.getByRole('region', { name: /^Differences/ })).toBeVisible();
}

/** Stops the simulation, so that axe reads one state rather than a page changing under it. */
async function pause(page: Page) {
	const button = page.getByRole('group', { name: 'Simulation controls' }).getByRole('button', {
		name: 'Pause'
	});
	if (await button.isVisible()) await button.click();
	await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
}

/** Runs axe and fails with each violation, its WCAG tags and the nodes it was found on. */
async function expectNoViolations(page: Page, what: string) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
	const report = results.violations.map((v) =>
		[
			`${v.id} (${v.impact ?? 'no impact'}; ${v.tags.filter((t) => t.startsWith('wcag')).join(', ')}): ${v.help}`,
			`  ${v.helpUrl}`,
			...v.nodes.map(
				(n) =>
					`  - ${n.target.join(' ')}\n    ${n.html}\n    ${n.failureSummary?.replaceAll('\n', '\n    ')}`
			)
		].join('\n')
	);
	expect(report, `axe found WCAG A/AA violations in ${what}:\n\n${report.join('\n\n')}`).toEqual(
		[]
	);
}

for (const theme of THEMES) {
	test.describe(`${theme} theme`, () => {
		test('the lab at rest', async ({ page }) => {
			await openLab(page, theme);
			await pause(page);
			await expectNoViolations(page, `the lab (${theme})`);
		});

		test('a relocation moving memory, with its page map', async ({ page }) => {
			test.setTimeout(60_000);
			await openLab(page, theme, '?scenario=itsossia');
			await setSpeed(page, '5');
			await typeCommand(page, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2');
			const card = relocations(page).getByRole('article', {
				name: 'ITSOLNX1 ITSOSSI1 → ITSOSSI2'
			});
			await expect(card.getByText('Moving Memory', { exact: true })).toBeVisible();
			await expect(card.getByText(/^Passes \(\d+ done\)$/)).toBeVisible({ timeout: 30_000 });
			await pause(page);
			await card.getByText(/^Passes \(\d+ done\)$/).click();
			await expect(card.getByRole('table')).toBeVisible();
			await expect(
				relocations(page).getByRole('img', { name: /^Page map of ITSOLNX1/ })
			).toBeVisible();
			await expectNoViolations(page, `a relocation running (${theme})`);
		});

		test('Safe mode after a crash, with a degraded link', async ({ page }) => {
			await openLab(page, theme);
			await setSpeed(page, '100');
			const link = page.getByRole('article', { name: 'ITSOSSI5–ITSOSSI6' });
			await link.getByRole('button', { name: 'Fail CHPID 40 of ITSOSSI5–ITSOSSI6' }).click();
			await link.getByRole('button', { name: 'Fail CTC 4A80 on CHPID 50' }).click();
			await expect(link.getByText('Degraded', { exact: true })).toBeVisible();
			await expect(link.getByRole('button', { name: 'Repair CTC 4A80 on CHPID 50' })).toBeVisible();
			await page.getByRole('button', { name: 'Crash ITSOSSI6 (abend)' }).click();
			await expect(mode(page, 'Safe')).toBeVisible();
			await expect(member(page, 'ITSOSSI5').getByText('ITSOSSI6: Unknown')).toBeVisible();
			await pause(page);
			await expectNoViolations(page, `Safe mode (${theme})`);
		});

		test('compare mode before a run, with a settings error, and after both have ended', async ({
			page
		}) => {
			test.setTimeout(60_000);
			await openCompare(page, theme);
			const controls = page.getByRole('group', { name: 'Comparison controls' });
			await controls.getByRole('button', { name: 'Pause' }).click();
			await expect(controls.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
			await expectNoViolations(page, `compare mode before a run (${theme})`);

			const b = page.getByRole('group', { name: 'Settings of B' });
			await b.getByLabel('MAXQUIESCE').fill('0');
			await page.getByRole('button', { name: 'Run comparison' }).click();
			await expect(page.getByRole('alert').filter({ hasText: 'needs fixing' })).toBeVisible();
			await expectNoViolations(page, `compare mode with a settings error (${theme})`);

			await b.getByLabel('MAXQUIESCE').fill('1');
			await b.getByLabel('Workload').selectOption('muncher');
			await page.getByRole('button', { name: 'Run comparison' }).click();
			await controls.getByRole('button', { name: 'Run to end' }).click();
			await expect(controls.getByRole('button', { name: 'Replay' })).toBeVisible({
				timeout: 30_000
			});
			await expect(
				page
					.getByRole('region', { name: /^Side B:/ })
					.getByText(/MAXQUIESCE exceeded; the guest stays on the source/)
			).toBeVisible();
			for (const chart of await page.getByRole('button', { name: 'Show table' }).all())
				await chart.click();
			await expectNoViolations(page, `compare mode after a run (${theme})`);
		});

		test('the scenario gallery', async ({ page }) => {
			await openPage(page, theme, '/scenarios/');
			await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
			await expect(
				page.getByRole('list', { name: 'Built-in scenarios' }).getByRole('article')
			).toHaveCount(15);
			await expectNoViolations(page, `the scenario gallery (${theme})`);
		});

		for (const [path, heading] of [
			['/docs/', 'Documentation'],
			['/docs/commands/', 'Commands'],
			['/docs/scenarios/', 'Scenario format'],
			['/docs/model/', 'How the model works']
		] as const) {
			test(`the docs page ${path}`, async ({ page }) => {
				await openPage(page, theme, path);
				await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
				await expectNoViolations(page, `${path} (${theme})`);
			});
		}

		test('the command reference filtered, with its count announced', async ({ page }) => {
			await openPage(page, theme, '/docs/commands/');
			await page.getByLabel('Filter commands').fill('relocation');
			await expect(page.getByRole('status')).toContainText(/\d+ of \d+ commands match/);
			await expectNoViolations(page, `the filtered command reference (${theme})`);
		});

		test('the scenario editor with errors showing', async ({ page }) => {
			await openPage(page, theme, '/scenarios/edit/?from=a16-domains');
			await expect(page.getByRole('heading', { level: 1, name: 'Scenario editor' })).toBeVisible();
			// An error in a field, two in the USER DIRECT text and a note, one in a JSON box, a refused import.
			const member = page.getByRole('group', { name: 'Member 1: ITSOSSI5' });
			await member.getByLabel('Storage', { exact: true }).fill('20Q');
			const directory = page.getByLabel('USER DIRECT text (optional)');
			const text = await directory.inputValue();
			await directory.fill(
				text
					.replace('4G 4G G', '4X 4G G')
					.replace('IPL 202', 'IPL')
					.replace('MACHINE ESA 4', 'MACHINE ESA 4\nFROBNICATE 1')
			);
			await expect(page.getByRole('button', { name: 'Note, line 6, column 1' })).toBeVisible();
			await member.getByText(/^Relocation details/).click();
			await member.getByLabel('Real devices (JSON list)').fill('[\n  { "rdev": 12 ');
			await page.getByLabel('Import a scenario file').setInputFiles({
				name: 'broken.json',
				mimeType: 'application/json',
				buffer: Buffer.from('{ "name": ')
			});
			await expect(page.getByRole('alert')).toContainText('Could not import broken.json');
			await expect(page.getByRole('heading', { level: 2, name: /problems$/ })).toHaveText(
				/4 problems$/
			);
			await expectNoViolations(page, `the scenario editor with errors (${theme})`);
		});

		test('the open menus, a drag in progress and the refusal dialog', async ({ page }) => {
			test.setTimeout(60_000);
			await openLab(page, theme, '?scenario=a14-cms-guest');
			await pause(page);
			// A guest's Relocate menu.
			await page.getByRole('button', { name: 'Relocate VMLOGS', exact: true }).click();
			await expect(page.getByRole('menu', { name: 'Relocate VMLOGS from ITSOSSI4' })).toBeVisible();
			await expectNoViolations(page, `a Relocate menu (${theme})`);
			await page.keyboard.press('Escape');
			// A CTC's fault menu in the topology.
			await page
				.getByRole('group', { name: /^Topology of SSI cluster / })
				.getByRole('button', { name: /^CTC \S+ on CHPID \S+ of ITSOSSI1–ITSOSSI2/ })
				.first()
				.click();
			await expect(page.getByRole('menuitem', { name: /^Fail CTC / })).toBeVisible();
			await expectNoViolations(page, `a topology fault menu (${theme})`);
			await page.keyboard.press('Escape');
			// A guest dragged over the members: each says whether it takes it.
			await member(page, 'ITSOSSI4').getByText('VMLOGS', { exact: true }).hover();
			await page.mouse.down();
			const box = (await member(page, 'ITSOSSI2').boundingBox())!;
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
			await expect(member(page, 'ITSOSSI2')).toContainText('Drop to relocate VMLOGS here');
			await expectNoViolations(page, `a drag in progress (${theme})`);
			// Dropped: the TEST refuses, and the dialog lists the reasons.
			await page.mouse.up();
			await expect(
				page.getByRole('dialog', { name: 'VMLOGS cannot relocate to ITSOSSI2' })
			).toBeVisible();
			await expectNoViolations(page, `the refusal dialog (${theme})`);
		});

		test('the charts of a relocation in progress, their tables hidden and shown', async ({
			page
		}) => {
			test.setTimeout(90_000);
			await openLab(page, theme, '?scenario=itsossia');
			await setSpeed(page, '5');
			await typeCommand(page, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2');
			const card = relocations(page).getByRole('article', {
				name: 'ITSOLNX1 ITSOSSI1 → ITSOSSI2'
			});
			await expect(card.getByText(/^Passes \(\d+ done\)$/)).toBeVisible({ timeout: 30_000 });
			await pause(page);
			const area = charts(page);
			await area.scrollIntoViewIfNeeded();
			for (const name of ['Convergence', 'Quiesce window', 'State charts']) {
				await area.getByRole('tab', { name }).click();
				const panel = area.getByRole('tabpanel', { name });
				await expect(panel.getByRole('img').first()).toBeVisible();
				await expectNoViolations(page, `the ${name} tab, tables hidden (${theme})`);
				const toggles = await panel.getByRole('button', { name: 'Show table' }).all();
				expect(toggles.length).toBeGreaterThan(0);
				for (const t of toggles) await t.click();
				await expect(panel.getByRole('table').first()).toBeVisible();
				await expectNoViolations(page, `the ${name} tab, tables shown (${theme})`);
			}
			// The menus open: a chart's Export and Download run data.
			await area.getByRole('tabpanel').getByText('Export', { exact: true }).first().click();
			await area.getByText('Download run data', { exact: true }).click();
			await expect(area.getByRole('button', { name: 'Run as JSON' })).toBeVisible();
			await expect(area.getByRole('button', { name: /as PNG image$/ }).first()).toBeVisible();
			await expectNoViolations(page, `the charts' menus open (${theme})`);
		});

		test("an ineligible guest's VMRELOCATE TEST reasons", async ({ page }) => {
			await openLab(page, theme, '?scenario=a14-cms-guest');
			await typeCommand(page, 'ITSOSSI4', 'vmrelocate test vmlogs to itsossi2');
			const output = page.getByRole('log', { name: 'Console output of ITSOSSI4' });
			await expect(output).toContainText('HCPRLH1940E VMLOGS is not relocatable');
			await pause(page);
			await expectNoViolations(page, `VMRELOCATE TEST reasons (${theme})`);
		});

		test('the embed with its default panels and controls', async ({ page }) => {
			await page.goto(`/embed/#scenario=itsossia&theme=${theme}`);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			await expect(mode(page, 'Stable')).toBeVisible();
			await expect(page.getByRole('region', { name: 'Members' })).toBeVisible();
			await expect(page.getByLabel('Time')).toBeVisible();
			await expectNoViolations(page, `the embed (${theme})`);
		});

		test('the embed with every panel, and with a parameter error', async ({ page }) => {
			await page.goto(
				`/embed/#scenario=itsossia&theme=${theme}&panels=status,topology,members,relocations,charts,links,console,log`
			);
			await expect(page.getByRole('region', { name: 'Charts' })).toBeVisible();
			await expect(page.getByRole('list', { name: 'Events, newest first' })).toBeVisible();
			await expectNoViolations(page, `the embed with every panel (${theme})`);
			await page.goto(`/embed/?theme=${theme}&to=soon`);
			await expect(page.getByRole('alert')).toContainText('to: "soon"');
			await expectNoViolations(page, `the embed's parameter error (${theme})`);
		});

		test('the embed documentation', async ({ page }) => {
			await openPage(page, theme, '/docs/embed/');
			await expect(
				page.getByRole('heading', { level: 1, name: 'Embedding Quiesce' })
			).toBeVisible();
			await expectNoViolations(page, `the embed documentation (${theme})`);
		});

		test("the lab's Embed dialog", async ({ page }) => {
			await openLab(page, theme);
			await pause(page);
			await page.getByRole('button', { name: 'Embed', exact: true }).click();
			const dialog = page.getByRole('dialog', { name: 'Embed this run' });
			await expect(dialog.getByLabel('Iframe snippet')).toHaveValue(/^<iframe/);
			await dialog.getByLabel(/^Host page origin/).fill('https://example.org/');
			await expect(dialog.getByRole('list', { name: 'Problems with the options' })).toBeVisible();
			await expectNoViolations(page, `the Embed dialog (${theme})`);
		});

		test('the lesson list, with progress and the reset confirmation', async ({ page }) => {
			await openPage(page, theme, '/learn/');
			await expect(page.getByRole('heading', { level: 1, name: /Learn SSI/ })).toBeVisible();
			await expectNoViolations(page, `the lesson list (${theme})`);
			await page.getByRole('link', { name: /Lesson 3:/ }).click();
			await expect(page.getByRole('heading', { name: /Step 1 of 4/ })).toBeVisible();
			await page.getByRole('link', { name: 'All lessons' }).first().click();
			await expect(page.getByRole('link', { name: /Continue: The PDR/ })).toBeVisible();
			await page.getByRole('button', { name: 'Reset progress…' }).click();
			await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
			await expectNoViolations(page, `the lesson list with progress, resetting (${theme})`);
		});

		test('a lesson before and after a verdict', async ({ page }) => {
			await openPage(page, theme, '/learn/pdr-and-heartbeats/');
			await expect(page.getByRole('heading', { name: /Step 1 of 4/ })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Run this step' })).toBeDisabled();
			await expectNoViolations(page, `a lesson before its prediction (${theme})`);
			await page.getByRole('radio', { name: 'No: only running members have a slot' }).check();
			await page.getByRole('button', { name: 'Run this step' }).click();
			await expect(page.getByRole('heading', { name: 'Not this time', exact: true })).toBeVisible({
				timeout: 15_000
			});
			await expectNoViolations(page, `a lesson after a wrong prediction (${theme})`);
			await page.getByRole('button', { name: 'Next →' }).click();
			await page.getByRole('radio', { name: 'Suspended' }).check();
			await page.getByRole('button', { name: 'Run this step' }).click();
			await expect(page.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible({
				timeout: 15_000
			});
			await expectNoViolations(page, `a lesson in Safe mode after a right prediction (${theme})`);
		});

		test('presenter mode: the deck list, a slide, the key help and the speaker notes', async ({
			page,
			context
		}) => {
			test.setTimeout(60_000);
			// Presenter mode keeps its own theme choice (projector unless chosen there).
			await context.addInitScript(
				([key, value]) => window.localStorage.setItem(key!, value!),
				[PRESENT_THEME_KEY, theme]
			);
			await page.goto('/present/');
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			await expect(page.getByRole('heading', { level: 1, name: 'Presenter mode' })).toBeVisible();
			await expectNoViolations(page, `the deck list (${theme})`);

			await page.goto('/present/refused-relocation/');
			await expect(page.getByText('Slide 1 of 6', { exact: true })).toBeVisible();
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('ArrowRight');
			await expect(page.getByText(/^✓\s*Step done\./)).toBeVisible();
			await expect(page.getByRole('log', { name: 'Console output of ITSOSSI4' })).toContainText(
				'HCPRLH1940E ITSOLNX2 is not relocatable'
			);
			await expectNoViolations(page, `a slide (${theme})`);

			await page.keyboard.press('?');
			await expect(page.getByRole('dialog', { name: 'Presenter keys' })).toBeVisible();
			await expectNoViolations(page, `the presenter key help (${theme})`);
			await page.keyboard.press('Escape');

			const notes = await context.newPage();
			await notes.goto('/present/refused-relocation/notes/');
			await expect(notes.locator('html')).toHaveAttribute('data-theme', theme);
			await expect(notes.getByText('Slide 2 of 6', { exact: true })).toBeVisible();
			await expectNoViolations(notes, `the speaker notes (${theme})`);
		});
	});
}

test('presenter mode is in the projector theme unless chosen there; the site keeps its own', async ({
	page
}) => {
	await page.addInitScript(
		([key, value]) => window.localStorage.setItem(key!, value!),
		[THEME_STORAGE_KEY, 'dark']
	);
	await page.goto('/present/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
	await page.getByLabel('Theme').selectOption('light');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Lab' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(page.getByLabel('Theme')).toHaveValue('dark');
	await page
		.getByRole('navigation', { name: 'Site' })
		.getByRole('link', { name: 'Present' })
		.click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
	expect(await page.evaluate(() => localStorage.getItem('quiesce-present-theme'))).toBe('light');
	expect(await page.evaluate(() => localStorage.getItem('quiesce-theme'))).toBe('dark');
});

test.describe('the theme switcher', () => {
	test('saves the choice, and the next visit paints in it from the start', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto('/');
		await expect(mode(page, 'Stable')).toBeVisible();
		const html = page.locator('html');
		await expect(html).toHaveAttribute('data-theme', 'light');
		const picker = page.getByRole('banner').getByLabel('Theme', { exact: true });
		await expect(picker).toHaveValue('system');

		await picker.selectOption('projector');
		await expect(html).toHaveAttribute('data-theme', 'projector');
		// The projector's type is larger: about 1.3 times the root size.
		const rootPx = await page.evaluate(() =>
			parseFloat(getComputedStyle(document.documentElement).fontSize)
		);
		expect(rootPx).toBeCloseTo(16 * 1.4625, 1);
		await picker.selectOption('dark');
		await expect(html).toHaveAttribute('data-theme', 'dark');
		expect(await page.evaluate((k) => localStorage.getItem(k), THEME_STORAGE_KEY)).toBe('dark');
		const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(await background()).toBe('rgb(18, 20, 23)');

		// On the next load, record the theme at the moment <body> is first created: before any
		// paint, and before the app's own scripts run.
		await page.addInitScript(() => {
			const w = window as unknown as { themeAtBody?: string | null };
			new MutationObserver((_, observer) => {
				if (!document.body) return;
				w.themeAtBody = document.documentElement.getAttribute('data-theme');
				observer.disconnect();
			}).observe(document, { childList: true, subtree: true });
		});
		await page.reload();
		await expect(mode(page, 'Stable')).toBeVisible();
		expect(await page.evaluate(() => (window as { themeAtBody?: string | null }).themeAtBody)).toBe(
			'dark'
		);
		await expect(picker).toHaveValue('dark');
		expect(await background()).toBe('rgb(18, 20, 23)');

		// Back to following the system: the saved choice goes.
		await picker.selectOption('system');
		await expect(html).toHaveAttribute('data-theme', 'light');
		expect(await page.evaluate((k) => localStorage.getItem(k), THEME_STORAGE_KEY)).toBeNull();
	});

	test("'Match system' follows prefers-color-scheme, also when it changes", async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/');
		await expect(mode(page, 'Stable')).toBeVisible();
		const html = page.locator('html');
		await expect(html).toHaveAttribute('data-theme', 'dark');
		await page.emulateMedia({ colorScheme: 'light' });
		await expect(html).toHaveAttribute('data-theme', 'light');
		await page.emulateMedia({ colorScheme: 'dark' });
		await expect(html).toHaveAttribute('data-theme', 'dark');
		// A chosen theme does not follow.
		await page.getByRole('banner').getByLabel('Theme', { exact: true }).selectOption('light');
		await page.emulateMedia({ colorScheme: 'dark' });
		await expect(html).toHaveAttribute('data-theme', 'light');
	});
});

test.describe('prefers-reduced-motion', () => {
	/** Elements whose animation or transition would run, with what would move. */
	function moving(page: Page) {
		return page.evaluate(() =>
			[...document.querySelectorAll('*')].flatMap((el) => {
				const s = getComputedStyle(el);
				const durations = [s.animationDuration, s.transitionDuration]
					.join(',')
					.split(',')
					.map((d) => parseFloat(d));
				const animated = s.animationName !== 'none' && durations[0]! > 0;
				const transitioned = durations.slice(1).some((d) => d > 0);
				return animated || transitioned
					? [
							`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: ${s.animationName} ${s.transitionProperty}`
						]
					: [];
			})
		);
	}

	async function startRelocation(page: Page) {
		await page.goto('/?scenario=itsossia');
		await expect(mode(page, 'Stable')).toBeVisible();
		await typeCommand(page, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2');
		await expect(
			relocations(page).getByRole('article', { name: 'ITSOLNX1 ITSOSSI1 → ITSOSSI2' })
		).toBeVisible();
		// The memory flowing along the link in the topology.
		await expect(page.locator('svg.topology .flow')).toHaveCount(1);
	}

	test('without the preference, the memory flow along the link is animated', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		await startRelocation(page);
		expect((await moving(page)).some((m) => m.startsWith('path.flow'))).toBe(true);
	});

	test('with it, nothing in the lab animates or transitions', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await startRelocation(page);
		expect(await moving(page)).toEqual([]);
	});
});
