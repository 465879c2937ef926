// Compare mode as a new user meets it: open it from the site navigation, see that A and B
// differ in one thing, change a setting of B by its label, run the comparison, watch both
// relocations finish on one clock and read the differences in words. The address reproduces
// the comparison; a bad field in the form or in a link is named and never breaks the page.
import { expect, test, type Page } from '@playwright/test';

const settingsOf = (page: Page, side: 'A' | 'B') =>
	page.getByRole('group', { name: `Settings of ${side}` });
const sideColumn = (page: Page, side: 'A' | 'B') =>
	page.getByRole('region', { name: new RegExp(`^Side ${side}:`) });
const differences = (page: Page) => page.getByRole('region', { name: /^Differences/ });
const controls = (page: Page) => page.getByRole('group', { name: 'Comparison controls' });

test('a new user compares 4 CTCs with 3 and reads the differences', async ({ page }) => {
	await page.goto('/');
	await page
		.getByRole('navigation', { name: 'Site' })
		.getByRole('link', { name: 'Compare' })
		.click();
	await expect(page).toHaveURL(/\/compare\/\?/);
	await expect(page.getByRole('link', { name: 'Compare' })).toHaveAttribute('aria-current', 'page');
	await expect(
		differences(page).getByText('A and B differ only in CTCs per CHPID (4 against 1).')
	).toBeVisible();

	// B on two CTCs instead of one, then run it.
	await settingsOf(page, 'B').getByLabel('CTCs per CHPID').selectOption('3');
	await expect(page.getByText('Your changes run when you press Run comparison.')).toBeVisible();
	await page.getByRole('button', { name: 'Run comparison' }).click();
	await expect(
		differences(page).getByText('A and B differ only in CTCs per CHPID (4 against 3).')
	).toBeVisible();
	await expect(page).toHaveURL(/b\.ctcsPerChpid=3/);
	await expect(sideColumn(page, 'B').getByRole('heading', { level: 2 })).toContainText(
		'1 CHPID × 3 CTCs (200 MB/s)'
	);

	// Both run on one clock; faster, to see them finish.
	await controls(page).getByLabel('Speed').selectOption('25');
	await expect(sideColumn(page, 'A').getByText(/Relocated in \d/)).toBeVisible({
		timeout: 20_000
	});
	await expect(sideColumn(page, 'B').getByText(/Relocated in \d/)).toBeVisible({
		timeout: 20_000
	});
	await expect(controls(page).getByRole('button', { name: 'Replay' })).toBeVisible();
	const words = differences(page).getByRole('list');
	await expect(words).toContainText('Both relocated.');
	await expect(words).toContainText(/B's total time was \d+(\.\d)?× longer than A's/);
	await expect(page.getByRole('status')).toContainText('Comparison done.');
	await expect(
		differences(page)
			.getByRole('row', { name: /^Total time/ })
			.getByRole('cell')
			.last()
	).toHaveText(/^\d+(\.\d)?×$/);
	// The pass tables of both sides.
	for (const side of ['A', 'B'] as const)
		await expect(
			sideColumn(page, side).getByRole('table', { name: `Latest passes of ${side}` })
		).toContainText('quiesced');

	// The address reproduces it: the same settings, the same figures.
	const total = await differences(page)
		.getByRole('row', { name: /^Total time/ })
		.textContent();
	await page.reload();
	await expect(settingsOf(page, 'B').getByLabel('CTCs per CHPID')).toHaveValue('3');
	await controls(page).getByRole('button', { name: 'Run to end' }).click();
	await expect(controls(page).getByRole('button', { name: 'Replay' })).toBeVisible({
		timeout: 20_000
	});
	await expect(differences(page).getByRole('row', { name: /^Total time/ })).toHaveText(total!);
});

test('the presets start A and B equal but for one thing: IMMEDIATE quiesces longer', async ({
	page
}) => {
	await page.goto('/compare/');
	// The page writes its settings into the address once it runs: choices made before that are
	// not the page's yet.
	await expect(page).toHaveURL(/\/compare\/\?/);
	await page
		.getByLabel('Start from')
		.selectOption({ label: 'IMMEDIATE against the default (busy database)' });
	await page.getByRole('button', { name: 'Use preset' }).click();
	await expect(settingsOf(page, 'B').getByLabel('IMMEDIATE')).toBeChecked();
	await expect(settingsOf(page, 'A').getByLabel('IMMEDIATE')).not.toBeChecked();
	await controls(page).getByRole('button', { name: 'Run to end' }).click();
	await expect(differences(page).getByRole('list')).toContainText(
		/B's quiesce was \d+(\.\d)?× longer than A's/,
		{ timeout: 20_000 }
	);
});

test('a bad setting is named at its field, and the comparison running is kept', async ({
	page
}) => {
	await page.goto('/compare/');
	await expect(differences(page)).toBeVisible();
	const memory = settingsOf(page, 'A').getByLabel('Guest memory');
	await memory.fill('lots');
	await settingsOf(page, 'B').getByLabel('Policy').selectOption('QEMU');
	await expect(settingsOf(page, 'B').getByLabel('IMMEDIATE')).toBeDisabled();
	await page.getByRole('button', { name: 'Run comparison' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'needs fixing' });
	await expect(summary).toContainText('A: Guest memory: "LOTS" is not a z/VM size');
	await expect(summary).toBeFocused();
	await expect(memory).toHaveAttribute('aria-invalid', 'true');
	await expect(memory).toHaveAccessibleDescription(/is not a z\/VM size/);
	// The comparison that was running goes on with its own settings.
	await expect(
		differences(page).getByText('A and B differ only in CTCs per CHPID (4 against 1).')
	).toBeVisible();
	await summary.getByRole('button', { name: /^A: Guest memory/ }).click();
	await expect(memory).toBeFocused();
	await memory.fill('8G');
	await page.getByRole('button', { name: 'Run comparison' }).click();
	await expect(summary).toBeHidden();
	await expect(differences(page).getByText(/Guest memory \(8G against 4G\)/)).toBeVisible();
	await expect(page).toHaveURL(/a\.memory=8G/);
});

test('a damaged link names each bad parameter and opens the rest', async ({ page }) => {
	await page.goto('/compare/?a.chpids=9&b.workload=database&b.turbo=1');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('a.chpids: CHPIDs "9" is not a whole number from 1 to 4');
	await expect(alert).toContainText('b.turbo is not a setting of side B');
	await expect(settingsOf(page, 'A').getByLabel('CHPIDs')).toHaveValue('1');
	await expect(settingsOf(page, 'B').getByLabel('Workload')).toHaveValue('database');
	await expect(differences(page)).toContainText('Workload (web against database)');
	await alert.getByRole('button', { name: 'Dismiss' }).click();
	await expect(alert).toBeHidden();
});
