// The live lab page, driven the way a new user would drive it: by roles, labels and the
// text on screen. The simulation runs in its worker; tests speed it up or step it instead
// of waiting for real seconds.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { clock, member, mode, openLab, setSpeed, stateOf } from './lab-page';

/** Runs simulated time fast, so that cross-system timeouts (10 s) pass in a tenth of a second. */
async function fastForward(page: Page) {
	await setSpeed(page, '100');
}

/** Clicks Step (one simulated event at a time) until `target` shows. */
async function stepUntil(page: Page, target: Locator, maxSteps = 20) {
	for (let i = 0; i < maxSteps; i++) {
		if (await target.isVisible()) return;
		const before = (await clock(page).textContent()) ?? '';
		await page.getByRole('button', { name: 'Step', exact: true }).click();
		await expect(clock(page)).not.toHaveText(before);
	}
	await expect(target).toBeVisible({ timeout: 1 });
}

test('the default scenario runs with both members Joined and the cluster Stable', async ({
	page
}) => {
	await openLab(page);
	await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('itsossib');
	await expect(page.getByText('SSI cluster ITSOSSIB', { exact: true })).toBeVisible();
	await expect(stateOf(page, 'ITSOSSI5', 'Joined')).toBeVisible();
	await expect(stateOf(page, 'ITSOSSI6', 'Joined')).toBeVisible();
	await expect(page.getByRole('group', { name: 'Topology of SSI cluster ITSOSSIB' })).toBeVisible();
	// The clock runs and the PDR heartbeat stamps move with it.
	const clock = page.getByText(/^\d+:\d{2}\.\d{3} elapsed$/);
	const first = await clock.textContent();
	await expect(clock).not.toHaveText(first ?? '');
	// One polite status region narrates changes of state, not the ticking clock.
	await expect(page.getByRole('status')).toHaveCount(1);
	await expect(page.getByRole('status')).toHaveText(
		'Loaded ITSOSSIB: two converted stand-alone systems. Cluster ITSOSSIB is in Stable mode.'
	);
	// Every built-in scenario is offered.
	const options = page.getByLabel('Scenario', { exact: true }).getByRole('option');
	for (const id of ['itsossib', 'itsossia', 'vmsys', 'gdl', 'myclustr', 'a18-paging']) {
		await expect(options.filter({ hasText: `(${id})` })).toHaveCount(1);
	}
});

test('a crashed member goes Unknown and the cluster Safe; its re-IPL passes through Influx back to Stable', async ({
	page
}) => {
	await openLab(page);
	await fastForward(page);
	await page.getByRole('button', { name: 'Crash ITSOSSI6 (abend)' }).click();
	await expect(stateOf(page, 'ITSOSSI6', 'Down')).toBeVisible();
	await expect(mode(page, 'Safe')).toBeVisible();
	await expect(member(page, 'ITSOSSI5').getByText('ITSOSSI6: Unknown')).toBeVisible();
	await expect(member(page, 'ITSOSSI6').getByText('Unknown by ITSOSSI5')).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Safe mode');

	// Pause and IPL, then step through the join one event at a time.
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
	await page.getByRole('button', { name: 'IPL ITSOSSI6' }).click();
	await expect(stateOf(page, 'ITSOSSI6', 'Joining')).toBeVisible();
	await stepUntil(page, mode(page, 'Influx'));
	await stepUntil(page, mode(page, 'Stable'));
	await expect(stateOf(page, 'ITSOSSI6', 'Joined')).toBeVisible();
	await expect(member(page, 'ITSOSSI5').getByText('ITSOSSI6: in contact')).toBeVisible();
});

test('cutting the ISFC link suspends both members; repairing it restores Stable', async ({
	page
}) => {
	await openLab(page);
	const link = page.getByRole('article', { name: 'ITSOSSI5–ITSOSSI6' });
	await expect(link.getByText('8 of 8 CTCs working on 2 CHPIDs')).toBeVisible();

	// One failed CTC degrades the link without breaking it.
	await link.getByRole('button', { name: 'Fail CTC 4A60 on CHPID 40' }).click();
	await expect(link.getByText('7 of 8 CTCs working on 2 CHPIDs')).toBeVisible();
	await expect(link.getByText('Degraded', { exact: true })).toBeVisible();
	await link.getByRole('button', { name: 'Repair CTC 4A60 on CHPID 40' }).click();
	await expect(link.getByText('8 of 8 CTCs working on 2 CHPIDs')).toBeVisible();

	await fastForward(page);
	await page.getByRole('button', { name: 'Cut link between ITSOSSI5 and ITSOSSI6' }).click();
	await expect(link.getByText('Down (cut)', { exact: true })).toBeVisible();
	await expect(stateOf(page, 'ITSOSSI5', 'Suspended')).toBeVisible();
	await expect(stateOf(page, 'ITSOSSI6', 'Suspended')).toBeVisible();
	await expect(mode(page, 'Safe')).toBeVisible();

	await page.getByRole('button', { name: 'Repair link between ITSOSSI5 and ITSOSSI6' }).click();
	await expect(mode(page, 'Stable')).toBeVisible();
	await expect(stateOf(page, 'ITSOSSI5', 'Joined')).toBeVisible();
	await expect(stateOf(page, 'ITSOSSI6', 'Joined')).toBeVisible();
	await expect(link.getByText('Up', { exact: true })).toBeVisible();
});

test('the console runs CP commands on the chosen member and keeps a history', async ({ page }) => {
	await openLab(page);
	await page.getByLabel('Member', { exact: true }).selectOption('ITSOSSI6');
	const output = page.getByRole('log', { name: 'Console output of ITSOSSI6' });
	const command = page.getByLabel('Command', { exact: true });

	await command.fill('q ssi');
	await command.press('Enter');
	await expect(output).toContainText('› q ssi');
	await expect(output).toContainText('SSI Name: ITSOSSIB');
	await expect(output).toContainText(/2 ITSOSSI6 Joined/);
	await expect(command).toHaveValue('');

	await command.fill('foo bar');
	await command.press('Enter');
	await expect(output).toContainText('HCPCMD001E Unknown CP command: FOO');

	await command.press('ArrowUp');
	await expect(command).toHaveValue('foo bar');
	await command.press('ArrowUp');
	await expect(command).toHaveValue('q ssi');
	await command.press('ArrowDown');
	await expect(command).toHaveValue('foo bar');
});

test('an unknown ?scenario= is named in an error and the page keeps working', async ({ page }) => {
	await page.goto('/?scenario=nope');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('"nope"');
	await expect(alert).toContainText('itsossib');
	// The default scenario runs instead.
	await expect(mode(page, 'Stable')).toBeVisible();
	await expect(stateOf(page, 'ITSOSSI5', 'Joined')).toBeVisible();

	// Another scenario can be chosen; the error goes and the URL follows the choice.
	await page.getByLabel('Scenario', { exact: true }).selectOption('itsossia');
	await expect(page.getByText('SSI cluster ITSOSSIA', { exact: true })).toBeVisible();
	for (const name of ['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4']) {
		await expect(stateOf(page, name, 'Joined')).toBeVisible();
	}
	await expect(alert).toHaveCount(0);
	await expect(page).toHaveURL(/[?&]scenario=itsossia\b/);
});

test('?scenario= loads that built-in scenario directly', async ({ page }) => {
	await page.goto('/?scenario=gdl');
	await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('gdl');
	await expect(page.getByText('SSI cluster GDLCLUST', { exact: true })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});
