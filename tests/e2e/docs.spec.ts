// The reference at /docs as a new reader meets it: Docs in the site navigation, the command
// reference filtered for one command, a link on to how the model works, and the scenario
// schema downloaded and read.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

test('from the site navigation to a command, the model, and back by the contents', async ({
	page
}) => {
	await page.goto('/scenarios/');
	await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Docs' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Documentation' })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Docs' })
	).toHaveAttribute('aria-current', 'page');

	await page
		.getByRole('list', { name: 'Documentation pages' })
		.getByRole('link', { name: /^Commands/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Commands' })).toBeVisible();
	const status = page.getByRole('status');
	await expect(status).toHaveText(/^\d+ commands\.$/);
	const all = Number((await status.textContent())!.match(/\d+/)![0]);
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(all);

	await page.getByLabel('Filter commands').fill('VMRELOCATE');
	await expect(status).toHaveText(new RegExp(`^\\d+ of ${all} commands match “VMRELOCATE”\\.$`));
	const move = page.getByRole('heading', { level: 3, name: 'VMRELOCATE MOVE' });
	await expect(move).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'QUERY SSI' })).toHaveCount(0);
	const article = page.getByRole('article', { name: 'VMRELOCATE MOVE' });
	await expect(article).toContainText('shortest: VMRELO MOVE');
	await expect(article).toContainText('MAXQuiesce n|NOLIMit');
	await expect(article).toContainText('from 000 Example 3-8');
	await expect(article).toContainText('vmrelocate move itsolnx1 itsossi2 maxtotal 10 maxquiesce 5');

	await page.getByLabel('Filter commands').fill('no such command at all');
	await expect(status).toHaveText('No command matches “no such command at all”.');
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(0);
	await page.getByLabel('Filter commands').fill('');
	await expect(status).toHaveText(`${all} commands.`);

	await page.getByRole('main').getByRole('link', { name: 'How the model works' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'How the model works' })).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Pre-copy and convergence' })
	).toBeVisible();
	await expect(page.getByRole('table', { name: 'SSI cluster timing' })).toContainText(
		'params.heartbeatMs'
	);
	await expect(
		page
			.getByRole('navigation', { name: 'Documentation' })
			.getByRole('link', { name: 'How the model works' })
	).toHaveAttribute('aria-current', 'page');
	// The site navigation marks the section the reference page is in.
	await expect(
		page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Docs' })
	).toHaveAttribute('aria-current', 'true');

	// The model links back to the command it explains, at its heading.
	await page.getByRole('link', { name: 'VMRELOCATE MOVE' }).first().click();
	await expect(page).toHaveURL(/\/docs\/commands\/#vmrelocate-move$/);
	await expect(page.getByRole('heading', { level: 3, name: 'VMRELOCATE MOVE' })).toBeInViewport();
});

test('the scenario format: every object documented, and the schema downloads as JSON', async ({
	page
}) => {
	await page.goto('/docs/');
	await page
		.getByRole('navigation', { name: 'Documentation' })
		.getByRole('link', { name: 'Scenario format' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Scenario format' })).toBeVisible();
	await expect(
		page.getByRole('table', { name: 'Properties of cluster.members[]', exact: true })
	).toContainText('storage');
	await expect(page.getByRole('heading', { level: 2, name: 'An annotated example' })).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download the JSON Schema' }).click()
	]);
	expect(download.suggestedFilename()).toBe('scenario.schema.json');
	const schema = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<
		string,
		unknown
	>;
	expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
	expect(Object.keys(schema.properties as object)).toEqual(
		expect.arrayContaining(['name', 'cluster', 'guests', 'script', 'params'])
	);
});

test('the command reference works from the keyboard: skip link, filter, contents', async ({
	page
}) => {
	await page.goto('/docs/commands/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to the documentation' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
	await page.getByLabel('Filter commands').focus();
	await page.keyboard.type('maxq');
	await expect(page.getByRole('status')).toContainText('match “maxq”');
	await expect(page.getByRole('heading', { level: 3, name: 'VMRELOCATE MOVE' })).toBeVisible();
});
