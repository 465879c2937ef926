// The scenario gallery and editor as a new user meets them: Scenarios from the site navigation,
// a built-in opened in the lab, a copy edited (a broken USER DIRECT line shown at its line, then
// fixed), run in the lab with the edits; bad files refused with the reason and the place, the
// draft kept; the draft exported, valid, and imported back; the draft surviving a reload, and
// a discard undone. Roles, labels and visible text only.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { mode } from './lab-page';
import { validateScenario } from '../../src/lib/core/config/scenario';

const card = (page: Page, title: string) => page.getByRole('article', { name: title });
const problems = (page: Page) => page.getByRole('heading', { level: 2, name: /problem/ });
const importInput = (page: Page) => page.getByLabel('Import a scenario file');
const A16 = "App. A.1.6: relocation outside the guest's domain";

/** Opens a copy of a built-in in the editor from the gallery. */
async function editCopy(page: Page, title: string) {
	await page.goto('/scenarios/');
	await card(page, title)
		.getByRole('link', { name: /^Edit a copy/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Scenario editor' })).toBeVisible();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
	await expect(problems(page)).toHaveText(/No problems$/);
}

test('from the site navigation to the gallery, a built-in exported and opened in the lab', async ({
	page
}, info) => {
	await page.goto('/');
	await expect(mode(page, 'Stable')).toBeVisible();
	await page
		.getByRole('navigation', { name: 'Site' })
		.getByRole('link', { name: 'Scenarios' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Scenarios' })
	).toHaveAttribute('aria-current', 'page');
	// Every built-in, with what it reproduces, its members and guests.
	const cards = page.getByRole('list', { name: 'Built-in scenarios' }).getByRole('article');
	await expect(cards).toHaveCount(15);
	const a16 = card(page, A16);
	await expect(a16.getByText('000 App. A.1.6 (Examples A-15 ... A-18)')).toBeVisible();
	await expect(a16.getByText('ITSOSSIB: 2 members on 2 CECs')).toBeVisible();
	await expect(a16.getByText('CEC Z10: ITSOSSI5')).toBeVisible();
	await expect(a16.getByText('LNXSU12 on ITSOSSI5')).toBeVisible();

	// Any built-in exports as a scenario file that validates.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		a16.getByRole('button', { name: /^Export \.json/ }).click()
	]);
	expect(download.suggestedFilename()).toBe('a16-domains.json');
	const path = info.outputPath('a16-domains.json');
	await download.saveAs(path);
	const exported = JSON.parse(await readFile(path, 'utf8')) as { title: string };
	expect(exported.title).toBe(A16);
	expect(validateScenario(exported).ok).toBe(true);

	await a16.getByRole('link', { name: /^Open in the lab/ }).click();
	await expect(mode(page, 'Stable')).toBeVisible();
	await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('a16-domains');
	await expect(page.getByRole('article', { name: 'ITSOSSI5', exact: true })).toContainText(
		'LNXSU12'
	);
});

test('edit a copy: a broken USER DIRECT line is shown at its line, fixed, and the edits run in the lab', async ({
	page
}) => {
	await editCopy(page, A16);
	await expect(page.getByText('Editing a copy of a16-domains.')).toBeVisible();
	// A field the validator defaults says what an empty one means, in text that stays and is read.
	await expect(page.getByLabel('PDR volume', { exact: true })).toHaveAccessibleDescription(
		/Empty: VMCOM1/
	);
	await page.getByLabel('Title', { exact: true }).fill('LNXSU12 starts on ITSOSSI6');
	await page
		.getByRole('group', { name: 'Guest 1: LNXSU12' })
		.getByLabel('Logged on to')
		.selectOption('ITSOSSI6');

	// Line 3 of the directory is LNXSU12's USER statement: give it a size without a unit.
	const directory = page.getByLabel('USER DIRECT text (optional)');
	const text = await directory.inputValue();
	expect(text.split('\n')[2]).toBe('USER LNXSU12 G4D703J0 4G 4G G');
	await directory.fill(text.replace('USER LNXSU12 G4D703J0 4G', 'USER LNXSU12 G4D703J0 4X'));
	await expect(directory).toHaveAttribute('aria-invalid', 'true');
	const section = page.getByRole('region', { name: 'USER DIRECT' });
	await expect(section.getByRole('button', { name: 'Line 3, column 23' })).toBeVisible();
	await expect(section.getByRole('listitem')).toContainText(
		'storage "4X" is not a z/VM size (use K, M, G or T)'
	);
	await expect(directory).toHaveAccessibleDescription(/storage "4X" is not a z\/VM size/);
	await expect(problems(page)).toHaveText(/1 problem/);
	// Running is refused while the draft has a problem.
	await page.getByRole('button', { name: 'Run in the lab' }).click();
	await expect(
		page.getByText(/^Not run: Fix the problem listed under "Problems" first\./)
	).toBeVisible();
	await expect(page).toHaveURL(/\/scenarios\/edit\/$/);
	// The summary's link takes the reader to the line.
	await page.getByRole('link', { name: 'USER DIRECT, line 3, column 23' }).click();
	await expect(directory).toBeFocused();
	expect(
		await directory.evaluate((el: HTMLTextAreaElement) =>
			el.value.slice(el.selectionStart, el.selectionEnd)
		)
	).toBe('4X 4G G');

	await directory.fill(text);
	await expect(problems(page)).toHaveText(/No problems/);
	await expect(directory).not.toHaveAttribute('aria-invalid', 'true');

	await page.getByRole('button', { name: 'Run in the lab' }).click();
	await expect(page).toHaveURL(/\/#v=1&inline=/);
	await expect(
		page.getByLabel('Scenario', { exact: true }).getByRole('option', { selected: true })
	).toHaveText('LNXSU12 starts on ITSOSSI6 (from the link)');
	await expect(page.getByRole('article', { name: 'ITSOSSI6', exact: true })).toContainText(
		'LNXSU12'
	);
	await expect(page.getByRole('article', { name: 'ITSOSSI5', exact: true })).not.toContainText(
		'LNXSU12'
	);
});

test('a bad file is refused with what is wrong and where, and the draft is kept', async ({
	page
}) => {
	await editCopy(page, 'ITSOSSIB: two converted stand-alone systems');
	const title = page.getByLabel('Title', { exact: true });
	await title.fill('My own draft');
	const alert = page.getByRole('alert');

	await importInput(page).setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{\n  "name": "x",\n  "cluster": { "name": "A",, }\n}\n')
	});
	await expect(alert).toContainText('Could not import broken.json: it is not valid JSON');
	await expect(alert).toContainText('line 3, column 28');
	await expect(alert).toContainText('Your draft is unchanged.');
	await expect(title).toHaveValue('My own draft');

	await importInput(page).setInputFiles({
		name: 'wrong.json',
		mimeType: 'application/json',
		buffer: Buffer.from(
			JSON.stringify(
				{
					name: 'wrong',
					cluster: { name: 'A', members: [{ name: 'M1', storage: '4G', paging: '1G' }] },
					guests: [{ user: 'LINUX1', on: 'M9' }]
				},
				null,
				2
			)
		)
	});
	await expect(alert).toContainText('Could not import wrong.json: the scenario has 1 error');
	await expect(alert).toContainText('guests[0].on (line 16, column 7): no member named M9');
	await expect(title).toHaveValue('My own draft');

	await importInput(page).setInputFiles({
		name: 'huge.json',
		mimeType: 'application/json',
		buffer: Buffer.alloc(300 * 1024, 32)
	});
	await expect(alert).toContainText(
		'Could not import huge.json: it is 300 KiB; a scenario file may be at most 256 KiB'
	);

	await importInput(page).setInputFiles({
		name: 'photo.png',
		mimeType: 'image/png',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
	});
	await expect(alert).toContainText(
		'Could not import photo.png: it is an image (image/png), not a scenario file (JSON text)'
	);

	// Dropped on the page, the same checks apply.
	await dropFile(page, 'list.json', '[1, 2, 3]');
	await expect(alert).toContainText(
		'Could not import list.json: a scenario file holds one JSON object'
	);
	await expect(title).toHaveValue('My own draft');
	await expect(problems(page)).toHaveText(/No problems$/);
});

/** Drops a file on the editor, as dragging it from the desktop would. */
async function dropFile(page: Page, name: string, text: string) {
	const transfer = await page.evaluateHandle(
		([n, t]) => {
			const dt = new DataTransfer();
			dt.items.add(new File([t!], n!, { type: 'application/json' }));
			return dt;
		},
		[name, text]
	);
	const main = page.getByRole('main');
	await main.dispatchEvent('dragover', { dataTransfer: transfer });
	await main.dispatchEvent('drop', { dataTransfer: transfer });
}

test('export the draft: the file parses, validates and imports back the same', async ({
	page
}, info) => {
	await editCopy(page, "GDLMCPX4 and GDLLCPX3: the SHARE session's pair");
	await page.getByLabel('Title', { exact: true }).fill('Exported GDL');
	await page.getByLabel('Scenario id', { exact: true }).fill('gdl-mine');
	await expect(problems(page)).toHaveText(/No problems$/);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export .json' }).click()
	]);
	expect(download.suggestedFilename()).toBe('gdl-mine.json');
	const path = info.outputPath('gdl-mine.json');
	await download.saveAs(path);
	const text = await readFile(path, 'utf8');
	const json = JSON.parse(text) as { name: string; title: string };
	expect(json.name).toBe('gdl-mine');
	expect(json.title).toBe('Exported GDL');
	const result = validateScenario(json);
	expect(result.ok, JSON.stringify(result)).toBe(true);

	// Change the draft, then import the file: the exported scenario comes back as it was.
	await page.getByLabel('Title', { exact: true }).fill('Changed since');
	await importInput(page).setInputFiles(path);
	await expect(page.getByText('Imported gdl-mine.json: Exported GDL.')).toBeVisible();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Exported GDL');
	const [again] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export .json' }).click()
	]);
	const path2 = info.outputPath('again.json');
	await again.saveAs(path2);
	expect(await readFile(path2, 'utf8')).toBe(text);

	// The draft it replaced can be restored.
	await page.getByRole('button', { name: 'Restore the previous draft' }).click();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Changed since');
});

test('the draft survives a reload; a discarded draft and a removed guest can be put back', async ({
	page
}) => {
	await editCopy(page, 'ITSOSSIB: two converted stand-alone systems');
	await page.getByLabel('Title', { exact: true }).fill('Kept across reloads');
	// The draft is checked and saved once typing pauses.
	await expect(problems(page)).toHaveText(/No problems$/);
	await page.reload();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Kept across reloads');
	await expect(page).toHaveURL(/\/scenarios\/edit\/$/);

	await page.getByRole('button', { name: 'Remove guest LNXSU12' }).click();
	await expect(page.getByRole('group', { name: /^Guest \d: LNXSU12$/ })).toHaveCount(0);
	const undo = page.getByRole('button', { name: 'Undo' });
	await expect(undo).toBeFocused();
	await undo.click();
	await expect(page.getByRole('group', { name: 'Guest 2: LNXSU12' })).toBeVisible();

	await page.getByRole('button', { name: 'Discard draft' }).click();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
		'ITSOSSIB: two converted stand-alone systems'
	);
	await page.getByRole('button', { name: 'Restore the previous draft' }).click();
	await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Kept across reloads');
});

test('every problem in the summary links to its field, which takes the focus', async ({ page }) => {
	await editCopy(page, 'ITSOSSIB: two converted stand-alone systems');
	await page.getByLabel('Cluster name', { exact: true }).fill('TOO-LONG-NAME');
	await page.getByLabel('PDR device', { exact: true }).fill('XYZ12');
	const guest = page.getByRole('group', { name: 'Guest 1: LNXSU11' });
	await guest.getByText(/^Relocation details/).click();
	await guest.getByLabel('CP overhead, pageable').fill('1Q');
	const step = page.getByRole('group', { name: 'Step 1, at 5s' });
	await step.getByLabel('Action').selectOption('fault');
	await step.getByLabel('Fault', { exact: true }).selectOption('ctc.fail');
	await step.getByLabel('Link', { exact: true }).selectOption('ITSOSSI5-ITSOSSI6');
	await step.getByLabel('CHPID', { exact: true }).fill('4A');
	await step.getByLabel('CTC index on the CHPID').fill('99');
	await page.getByLabel('heartbeatMs', { exact: true }).fill('fast');
	// Last, as the step above names the link by its members.
	const link = page.getByRole('group', { name: 'Link 1: ITSOSSI5–ITSOSSI6' });
	await link.getByLabel('Second member').selectOption('ITSOSSI5');

	const summary = page.getByRole('region', { name: /problems$/ });
	await expect(summary.getByRole('heading')).toHaveText(/^✕ \d+ problems$/);
	const links = summary.getByRole('link');
	const count = await links.count();
	expect(count).toBeGreaterThanOrEqual(6);
	for (let i = 0; i < count; i++) {
		const href = (await links.nth(i).getAttribute('href')) ?? '';
		const id = href.slice(1);
		await expect(page.locator(`[id="${id}"]`), `${href} has a target`).toHaveCount(1);
		await links.nth(i).click();
		const inside = await page.evaluate((target) => {
			const el = document.getElementById(target);
			return !!el && !!document.activeElement && el.contains(document.activeElement);
		}, id);
		expect(inside, `${await links.nth(i).textContent()} takes the focus to ${href}`).toBe(true);
	}
});
