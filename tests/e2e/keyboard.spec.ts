// The lab driven from the keyboard alone: Tab reaches every control, in document order, each
// with a visible focus ring; the skip link goes to the console; and a whole session (choose a
// scenario, pause and play, type commands, inject and repair faults, crash and IPL a member)
// needs no pointer. Locators only find things and read them; every action is a key press.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { member, mode } from './lab-page';

const controls = (page: Page) => page.getByRole('group', { name: 'Simulation controls' });

/** Presses `key` (Tab or Shift+Tab) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 150) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press(key);
	}
	await expect(target, `${key} never reached it in ${max} presses`).toBeFocused({ timeout: 1 });
}

/** Changes a focused <select> with the arrow keys until it holds `value`. */
async function arrowTo(page: Page, select: Locator, value: string, max = 40) {
	await expect(select).toBeFocused();
	const values = await select
		.locator('option')
		.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
	const want = values.indexOf(value);
	expect(want, `no option ${value}`).toBeGreaterThanOrEqual(0);
	for (let i = 0; i < max && (await select.inputValue()) !== value; i++) {
		const at = values.indexOf(await select.inputValue());
		await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
	}
	await expect(select).toHaveValue(value);
}

/** Pauses with the keyboard (Tab to the play button, Space), so the page holds still. */
async function pauseByKeyboard(page: Page) {
	const pause = controls(page).getByRole('button', { name: 'Pause', exact: true });
	await tabTo(page, pause);
	await page.keyboard.press('Space');
	await expect(controls(page).getByRole('button', { name: 'Play', exact: true })).toBeFocused();
}

/**
 * Every control the Tab key should stop at, in document order: links, buttons, fields, the
 * summaries of <details> and tabindex=0 regions; not disabled, not hidden, not inside a closed
 * <details>. Each gets a data-kb attribute naming its place, for the walk to compare against.
 */
async function tabbables(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const selector =
			'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]';
		const out: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>(selector)) {
			if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) continue;
			if (!el.checkVisibility({ visibilityProperty: true })) continue;
			const details = el.parentElement?.closest('details');
			if (details && !details.open && !(el.tagName === 'SUMMARY' && el.parentElement === details))
				continue;
			const label =
				el.getAttribute('aria-label') ??
				(el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
				el.textContent ??
				'';
			const name = `${el.tagName.toLowerCase()} "${label.replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
			el.dataset.kb = `${out.length}: ${name}`;
			out.push(el.dataset.kb);
		}
		return out;
	});
}

/** What has the focus, and how its focus ring is drawn. */
async function focusState(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		const box = el.getBoundingClientRect();
		return {
			kb: el.dataset.kb ?? `unlisted ${el.tagName} ${el.outerHTML.slice(0, 80)}`,
			focusVisible: el.matches(':focus-visible'),
			outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
			inViewport: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight
		};
	});
}

/** Walks the whole Tab order from the skip link and checks it against `tabbables`. */
async function walkTabOrder(page: Page) {
	const expected = await tabbables(page);
	expect(expected.length).toBeGreaterThan(10);
	// No positive tabindex: the Tab order is the document order.
	expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex^="-"])').count()).toBe(0);

	await tabTo(page, page.getByRole('link', { name: 'Skip to console' }), 'Shift+Tab');
	const seen: string[] = [];
	const unseenRings: string[] = [];
	for (let i = 0; i < expected.length; i++) {
		if (i > 0) await page.keyboard.press('Tab');
		const state = await focusState(page);
		if (!state) break;
		seen.push(state.kb);
		if (!state.focusVisible || state.outline < 2 || !state.inViewport) {
			unseenRings.push(`${state.kb}: ${JSON.stringify(state)}`);
		}
	}
	expect(seen).toEqual(expected);
	expect(unseenRings, 'each stop shows a focus ring of 2px or more, scrolled into view').toEqual(
		[]
	);
}

test('Tab reaches every control of the lab in document order, each with a visible focus ring', async ({
	page
}) => {
	test.setTimeout(60_000);
	await page.goto('/');
	await expect(mode(page, 'Stable')).toBeVisible();
	await pauseByKeyboard(page);
	await walkTabOrder(page);
});

test('with a relocation under way, Tab also reaches its passes and the page-map picker', async ({
	page
}) => {
	test.setTimeout(60_000);
	await page.goto('/?scenario=itsossia');
	await expect(mode(page, 'Stable')).toBeVisible();
	const speed = page.getByLabel('Speed', { exact: true });
	await tabTo(page, speed);
	await arrowTo(page, speed, '5');
	const command = page.getByLabel('Command', { exact: true });
	await tabTo(page, command);
	await page.keyboard.type('vmrelocate move itsolnx1 to itsossi2');
	await page.keyboard.press('Enter');
	const card = page
		.getByRole('region', { name: 'Relocations' })
		.getByRole('article', { name: 'ITSOLNX1 ITSOSSI1 → ITSOSSI2' });
	await expect(card.getByText(/^Passes \(\d+ done\)$/)).toBeVisible({ timeout: 30_000 });
	await pauseByKeyboard(page);
	// Open the passes table from the keyboard: it holds the figures the page map draws.
	await tabTo(page, card.getByText(/^Passes \(\d+ done\)$/));
	await page.keyboard.press('Enter');
	await expect(card.getByRole('table')).toBeVisible();
	await expect(page.getByLabel('Show', { exact: true })).toBeVisible();
	await walkTabOrder(page);
});

test('the skip link is the first stop, shows when focused and moves the focus to the command line', async ({
	page
}) => {
	await page.goto('/');
	await expect(mode(page, 'Stable')).toBeVisible();
	// The running lab writes its link state into the hash about a second after it starts.
	await expect(page).toHaveURL(/#v=1&/);
	const skip = page.getByRole('link', { name: 'Skip to console' });
	// The lab writes its link state into the hash once it runs.
	await expect.poll(() => new URL(page.url()).hash).toMatch(/^#v=1&/);
	await page.keyboard.press('Tab');
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport({ ratio: 1 });
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Command', { exact: true })).toBeFocused();
	// The hash keeps the link state (the running lab rewrites it as time moves): no #main.
	expect(new URL(page.url()).hash).toMatch(/^#v=1&/);
	await page.keyboard.type('q ssi');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('log', { name: /^Console output of / })).toContainText('SSI Name:');
});

test('keyboard only: choose a scenario, pause and play, type commands, inject and repair faults', async ({
	page
}) => {
	test.setTimeout(60_000);
	await page.goto('/');
	await expect(mode(page, 'Stable')).toBeVisible();

	// The scenario picker, with the arrow keys: each choice loads at once.
	const scenario = page.getByLabel('Scenario', { exact: true });
	await tabTo(page, scenario);
	await arrowTo(page, scenario, 'itsossia');
	await expect(page.getByText('SSI cluster ITSOSSIA', { exact: true })).toBeVisible();
	await expect(page).toHaveURL(/[?&]scenario=itsossia\b/);

	// Pause and play: Space and Enter both press the button, which keeps the focus.
	await pauseByKeyboard(page);
	const clock = page.getByText(/^\d+:\d{2}\.\d{3} elapsed$/);
	const stopped = await clock.textContent();
	await page.keyboard.press('Enter');
	await expect(controls(page).getByRole('button', { name: 'Pause', exact: true })).toBeFocused();
	await expect(clock).not.toHaveText(stopped ?? '');

	// Speed, with the arrow keys.
	const speed = page.getByLabel('Speed', { exact: true });
	await tabTo(page, speed);
	await arrowTo(page, speed, '100');

	// The console: choose the member, type, Enter.
	const memberPick = page.getByLabel('Member', { exact: true });
	await tabTo(page, memberPick);
	await arrowTo(page, memberPick, 'ITSOSSI2');
	await tabTo(page, page.getByLabel('Command', { exact: true }));
	await page.keyboard.type('q ssi');
	await page.keyboard.press('Enter');
	const output = page.getByRole('log', { name: 'Console output of ITSOSSI2' });
	await expect(output).toContainText('SSI Name: ITSOSSIA');

	// A CTC fault and its repair: the same button, which keeps the focus.
	const link = page.getByRole('article', { name: 'ITSOSSI1–ITSOSSI2' });
	const summary = link.getByText(/^CHPIDs and CTC devices/);
	await tabTo(page, summary, 'Shift+Tab');
	if ((await link.locator('details').getAttribute('open')) === null) {
		await page.keyboard.press('Enter');
	}
	const ctc = link.getByRole('button', { name: /^Fail CTC / }).first();
	const device = ((await ctc.textContent()) ?? '').match(/CTC\s*([0-9A-F]{4})/)?.[1];
	expect(device, 'a CTC device number on the button').toBeDefined();
	await tabTo(page, ctc);
	await page.keyboard.press('Enter');
	await expect(link.getByText('Degraded', { exact: true })).toBeVisible();
	const repair = link.getByRole('button', { name: new RegExp(`^Repair CTC ${device} `) });
	await expect(repair).toBeFocused();
	await page.keyboard.press('Space');
	await expect(link.getByText('Up', { exact: true })).toBeVisible();
	await expect(
		link.getByRole('button', { name: new RegExp(`^Fail CTC ${device} `) })
	).toBeFocused();

	// Crash a member: the cluster goes Safe, the focus stays on the (now unavailable) button;
	// Shift+Tab reaches IPL, and the member joins again.
	const crash = page.getByRole('button', { name: 'Crash ITSOSSI2 (abend)' });
	await tabTo(page, crash, 'Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(mode(page, 'Safe')).toBeVisible();
	await expect(member(page, 'ITSOSSI2').getByText('State Down', { exact: true })).toBeVisible();
	await expect(crash).toBeFocused();
	await expect(crash).toBeDisabled();
	const ipl = page.getByRole('button', { name: 'IPL ITSOSSI2' });
	await tabTo(page, ipl, 'Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(mode(page, 'Stable')).toBeVisible({ timeout: 20_000 });
	await expect(member(page, 'ITSOSSI2').getByText('State Joined', { exact: true })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Stable');

	// Cut the whole link and repair it.
	const cut = page.getByRole('button', { name: 'Cut link between ITSOSSI1 and ITSOSSI2' });
	await tabTo(page, cut);
	await page.keyboard.press('Enter');
	await expect(link.getByText('Down (cut)', { exact: true })).toBeVisible();
	await expect(
		page.getByRole('button', { name: 'Repair link between ITSOSSI1 and ITSOSSI2' })
	).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(link.getByText('Up', { exact: true })).toBeVisible();
});
