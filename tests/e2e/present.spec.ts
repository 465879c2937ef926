// Presenter mode as a new presenter meets it: Present in the site navigation, a deck started,
// the clicker's keys (next, back, blank, help, speed, restart), keys left to a text field, and
// the speaker-notes window following the deck and driving it over BroadcastChannel.
import { expect, test, type Page } from '@playwright/test';

const slideTitle = (page: Page) => page.getByRole('heading', { level: 1 });
const counter = (page: Page, k: number, n: number) =>
	page.getByText(`Slide ${k} of ${n}`, { exact: true });
const stepDone = (page: Page) => page.getByText(/^✓\s*Step done\./);
const results = (page: Page) => page.getByRole('region', { name: 'Relocations' });
const guests = (page: Page) => page.getByRole('region', { name: 'Members and guests' });
const consoleScreen = (page: Page) => page.getByRole('region', { name: 'Console' });

async function startDeck(page: Page, title: RegExp, slides = 5) {
	await page.goto('/');
	await page
		.getByRole('navigation', { name: 'Site' })
		.getByRole('link', { name: 'Present' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Presenter mode' })).toBeVisible();
	await page.getByRole('link', { name: title }).click();
	await expect(counter(page, 1, slides)).toBeVisible();
}

test('Present in the navigation, a deck started, the projector theme by default', async ({
	page
}) => {
	await startDeck(page, /^Start “Your first relocation”/);
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
	await expect(slideTitle(page)).toHaveText('One cluster, four members');
	await expect(page.getByRole('link', { name: '← All decks' })).toBeVisible();
	// The first slide runs by itself.
	await expect(stepDone(page)).toBeVisible();
	await expect(page.getByRole('status')).toHaveText(/Slide 1 of 5: One cluster, four members/);
});

test('next and back with every clicker key land on exact states', async ({ page }) => {
	await startDeck(page, /^Start “Your first relocation”/);
	await expect(stepDone(page)).toBeVisible();

	// Slide 2 waits: the first Next (Space) shows it, the second (Right) runs the TEST.
	await page.keyboard.press('Space');
	await expect(slideTitle(page)).toHaveText('Ask first: VMRELOCATE TEST');
	await expect(page.getByText('Next runs this step.')).toBeVisible();
	await expect(
		consoleScreen(page).getByText('vmrelocate test user itsolnx1 to itsossi2')
	).toHaveCount(0);
	await page.keyboard.press('ArrowRight');
	await expect(stepDone(page)).toBeVisible();
	await expect(
		consoleScreen(page).getByText('User ITSOLNX1 is eligible for relocation to ITSOSSI2')
	).toBeVisible();

	// PageDown to slide 3, N runs the MOVE (faster with 9 = 500×).
	await page.keyboard.press('PageDown');
	await expect(slideTitle(page)).toHaveText('Move it while it runs');
	await expect(results(page).getByText('None yet.')).toBeVisible();
	await page.keyboard.press('n');
	await page.keyboard.press('9');
	await expect(page.getByRole('status')).toHaveText('Speed 500×');
	await expect(stepDone(page)).toBeVisible({ timeout: 20_000 });
	const row = results(page).getByRole('row', { name: /ITSOLNX1/ });
	await expect(row).toContainText('relocated');
	const relocatedRow = await row.textContent();
	await expect(guests(page).getByRole('listitem').filter({ hasText: 'ITSOSSI2' })).toContainText(
		'ITSOLNX1'
	);

	// Slide 4 runs by itself.
	await page.keyboard.press('N');
	await expect(slideTitle(page)).toHaveText('Passes, then a short stop');
	await expect(stepDone(page)).toBeVisible();

	// Back with Left, PageUp and P: each lands on the slide as its step ended.
	await page.keyboard.press('ArrowLeft');
	await expect(slideTitle(page)).toHaveText('Move it while it runs');
	await expect(stepDone(page)).toBeVisible();
	await expect(results(page).getByRole('row', { name: /ITSOLNX1/ })).toHaveText(relocatedRow!);
	await page.keyboard.press('PageUp');
	await expect(slideTitle(page)).toHaveText('Ask first: VMRELOCATE TEST');
	await expect(results(page).getByText('None yet.')).toBeVisible();
	await expect(
		consoleScreen(page).getByText('User ITSOLNX1 is eligible for relocation to ITSOSSI2')
	).toBeVisible();
	await page.keyboard.press('p');
	await expect(slideTitle(page)).toHaveText('One cluster, four members');
	await expect(page.getByRole('button', { name: '← Back' })).toBeDisabled();

	// R restarts the step: back at its start, and this slide runs by itself again.
	await page.keyboard.press('r');
	await expect(page.getByRole('status')).toHaveText(/^Restarted: Slide 1 of 5/);
	await expect(stepDone(page)).toBeVisible();

	// The on-screen buttons do the same.
	await page.getByRole('button', { name: 'Next →' }).click();
	await expect(counter(page, 2, 5)).toBeVisible();
	await page.getByRole('button', { name: '← Back' }).click();
	await expect(counter(page, 1, 5)).toBeVisible();
});

test('B and . blank the screen; B, ., Escape or a next/back key brings it back', async ({
	page
}) => {
	await startDeck(page, /^Start “When a relocation is refused/, 6);
	const cover = page.locator('.blank');
	for (const [on, off] of [
		['b', 'b'],
		['.', '.'],
		['B', 'Escape'],
		['.', 'ArrowRight']
	]) {
		await page.keyboard.press(on!);
		await expect(cover).toBeVisible();
		await expect(cover).toBeEmpty();
		await expect(page.getByRole('status')).toHaveText(/^Screen blanked/);
		await page.keyboard.press(off!);
		await expect(cover).toHaveCount(0);
		// Showing the screen again does not move on.
		await expect(counter(page, 1, 6)).toBeVisible();
	}
});

test('? opens the key help; keys typed in a text field are left to it', async ({ page }) => {
	await startDeck(page, /^Start “Your first relocation”/);
	await expect(stepDone(page)).toBeVisible();
	await page.keyboard.press('?');
	const help = page.getByRole('dialog', { name: 'Presenter keys' });
	await expect(help).toBeVisible();
	await expect(help).toContainText('9 → 500×');
	await page.keyboard.press('ArrowRight');
	await expect(counter(page, 1, 5)).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();
	await page.getByRole('button', { name: 'Keys (?)' }).click();
	await expect(help).toBeVisible();
	await help.getByRole('button', { name: 'Close' }).click();
	await expect(help).toBeHidden();

	// The console's command line: n, p, b, space and the arrows are typing there.
	const command = page.getByRole('textbox', { name: 'Command' });
	await command.click();
	await page.keyboard.type('q n p b . 9 ?');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('PageDown');
	await expect(command).toHaveValue('q n p b . 9 ?');
	await expect(counter(page, 1, 5)).toBeVisible();
	await expect(page.locator('.blank')).toHaveCount(0);
	await expect(help).toBeHidden();
});

test('the speaker-notes window follows the deck and drives it', async ({ page, context }) => {
	await startDeck(page, /^Start “Why the busy guest/);
	await expect(stepDone(page)).toBeVisible();
	const opened = context.waitForEvent('page');
	await page.getByRole('button', { name: 'Speaker notes' }).click();
	const notes = await opened;
	await expect(notes.getByRole('heading', { level: 1 })).toHaveText(
		/^Speaker notes: Why the busy guest/
	);
	await expect(notes.getByText('Slide 1 of 5', { exact: true })).toBeVisible();
	await expect(notes.getByRole('heading', { level: 2 })).toHaveText(
		'Two guests: one idle, one busy'
	);
	await expect(notes.getByText(/Next slide:\s*Move both at once/)).toBeVisible();
	await expect(notes.getByText(/^Elapsed \d+:\d\d$/)).toBeVisible();

	// The deck moves: the notes follow.
	await page.bringToFront();
	await page.keyboard.press('ArrowRight');
	await expect(slideTitle(page)).toHaveText('Move both at once');
	await expect(notes.getByText('Slide 2 of 5', { exact: true })).toBeVisible();
	await expect(notes.getByRole('heading', { level: 2 })).toHaveText('Move both at once');
	await expect(notes.getByText(/Next slide:\s*The busy guest took longer/)).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	await expect(notes.getByText('Slide 1 of 5', { exact: true })).toBeVisible();

	// The notes window drives the deck: its keys and its buttons.
	await notes.bringToFront();
	await notes.keyboard.press('PageDown');
	await expect(counter(page, 2, 5)).toBeVisible();
	await expect(notes.getByText('Slide 2 of 5', { exact: true })).toBeVisible();
	await notes.getByRole('button', { name: '← Back' }).click();
	await expect(counter(page, 1, 5)).toBeVisible();
	await notes.getByRole('button', { name: 'Blank the screen' }).click();
	await expect(page.locator('.blank')).toBeVisible();
	await expect(notes.getByText(/screen blanked/)).toBeVisible();
	await notes.getByRole('button', { name: 'Show the screen' }).click();
	await expect(page.locator('.blank')).toHaveCount(0);

	// Typing in the notes' scratch pad drives nothing.
	await notes.getByRole('textbox', { name: /Scratch pad/ }).fill('');
	await notes.getByRole('textbox', { name: /Scratch pad/ }).press('n');
	await expect(counter(page, 1, 5)).toBeVisible();
});

test('the address names the slide: a reload mid-talk comes back to it', async ({ page }) => {
	await page.goto('/present/first-relocation/#slide=3');
	await expect(slideTitle(page)).toHaveText('Move it while it runs');
	await expect(page.getByText(/^Slide 3 of \d+$/)).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	await expect(slideTitle(page)).toHaveText('Ask first: VMRELOCATE TEST');
	await expect(page).toHaveURL(/#slide=2$/);
	await page.reload();
	await expect(slideTitle(page)).toHaveText('Ask first: VMRELOCATE TEST');
	// An address that names no slide opens the first.
	await page.goto('about:blank');
	await page.goto('/present/first-relocation/#slide=abc');
	await expect(page.getByText(/^Slide 1 of \d+$/)).toBeVisible();
	await expect(page).toHaveURL(/#slide=1$/);
});
