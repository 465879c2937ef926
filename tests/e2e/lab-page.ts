// The lab page as the e2e specs find and drive it, the way a new user does: by roles, labels
// and the text on screen, never by private selectors.
import { expect, type Page } from '@playwright/test';

/** The cluster mode in the banner ("Cluster mode Stable"). */
export const mode = (page: Page, name: string) =>
	page.getByText(`Cluster mode ${name}`, { exact: true });

/** A member's card, found by its heading. */
export const member = (page: Page, name: string) =>
	page.getByRole('article', { name, exact: true });

/** The member's own state line ("State Joined"). */
export const stateOf = (page: Page, name: string, state: string) =>
	member(page, name).getByText(`State ${state}`, { exact: true });

/** The simulated clock ("0:01.302 elapsed"). */
export const clock = (page: Page) => page.getByText(/^\d+:\d{2}\.\d{3} elapsed$/);

/** The Relocations panel. */
export const relocations = (page: Page) => page.getByRole('region', { name: 'Relocations' });

/** The Charts area. */
export const charts = (page: Page) => page.getByRole('region', { name: 'Charts' });

/** The event log, newest first. */
export const events = (page: Page) => page.getByRole('list', { name: 'Events, newest first' });

/** Opens the lab (`query` such as `?scenario=itsossia`) and waits for the cluster to be Stable. */
export async function openLab(page: Page, query = '') {
	await page.goto(`/${query}`);
	await expect(mode(page, 'Stable')).toBeVisible();
}

/** Chooses a playback speed ("100" for 100×) and waits until the picker shows it. */
export async function setSpeed(page: Page, value: string) {
	await page.getByLabel('Speed', { exact: true }).selectOption(value);
	await expect(page.getByLabel('Speed', { exact: true })).toHaveValue(value);
}

/** Types a command on a member's console; the command line clears when it has been taken. */
export async function typeCommand(page: Page, on: string, text: string) {
	await page.getByLabel('Member', { exact: true }).selectOption(on);
	const command = page.getByLabel('Command', { exact: true });
	await command.fill(text);
	await command.press('Enter');
	await expect(command).toHaveValue('');
}
