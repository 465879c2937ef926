// /learn as a new user: open Learn from the site navigation, open lesson 1, predict, run the
// step and read the verdict and explanation; go Back and find the simulation exactly at the
// step's start again, go forward, complete the lesson, reload and find the progress kept.
import { expect, test, type Page } from '@playwright/test';

/** The lesson page's one polite status line. */
const status = (page: Page) => page.getByRole('status');

/** The live simulation beside the narrative. */
const sim = (page: Page) => page.getByRole('region', { name: 'The simulation' });

/** The simulated clock shown beside the lesson ("0:06.000 elapsed"). */
const elapsed = (page: Page) => sim(page).getByText(/elapsed$/);

/** The verdict's heading (its ✓ or ✗ is decoration beside the words). */
const verdictHeading = (page: Page, name: string) =>
	page.getByRole('heading', { name, exact: true });

async function runStep(page: Page) {
	await page.getByRole('button', { name: 'Run this step' }).click();
	// The run ends with Replay offered in its place.
	await expect(page.getByRole('button', { name: 'Replay this step' })).toBeVisible({
		timeout: 20_000
	});
}

async function predict(page: Page, label: string | RegExp) {
	await page.getByRole('radio', { name: label }).check();
}

test('a new learner takes lesson 1 from the navigation to the end, and progress is kept', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Learn' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Learn SSI/ })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Lesson 1:' })).toContainText(
		'Not started'
	);
	await expect(page.getByRole('heading', { name: 'Continue where you left off' })).toHaveCount(0);

	await page.getByRole('link', { name: /Lesson 1: What an SSI cluster is/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Lesson 1/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Step 1 of 4/ })).toBeVisible();
	await expect(elapsed(page)).toHaveText('0:00.000 elapsed');

	// Run is unavailable until a prediction is chosen.
	const run = page.getByRole('button', { name: 'Run this step' });
	await expect(run).toBeDisabled();
	await expect(page.getByText('Choose a prediction to run this step.')).toBeVisible();
	const group = page.getByRole('group', { name: /Will it list ITSOSSI6/ });
	await expect(group).toBeVisible();
	await predict(page, 'No: ITSOSSI5 lists only itself');
	await expect(run).toBeEnabled();
	await runStep(page);

	// The verdict: icon and words, the prediction, what the simulation did, the explanation.
	await expect(verdictHeading(page, 'Not this time')).toBeVisible();
	await expect(
		page.getByRole('paragraph').filter({
			hasText:
				/^You predicted: No: ITSOSSI5 lists only itself\. The simulation: yes, that is Yes: both members are Joined/
		})
	).toBeVisible();
	await expect(page.getByText(/Q SSI answers from the cluster-wide state/)).toBeVisible();
	await expect(status(page)).toContainText('Not this time.');
	await expect(elapsed(page)).toHaveText('0:06.000 elapsed');
	await expect(sim(page).getByText('ITSOSSI6 Joined', { exact: false }).first()).toBeVisible();

	// Step 2, answered right.
	await page.getByRole('button', { name: 'Next →' }).click();
	await expect(page.getByRole('heading', { name: /Step 2 of 4/ })).toBeVisible();
	await expect(status(page)).toContainText('Step 2 of 4');
	await expect(elapsed(page)).toHaveText('0:06.000 elapsed');
	await predict(page, /Yes, marked as logged on elsewhere/);
	await runStep(page);
	await expect(verdictHeading(page, 'Correct')).toBeVisible();
	await expect(status(page)).toContainText('Correct.');

	// Step 3: LNXSU11 relocates to ITSOSSI6.
	await page.getByRole('button', { name: 'Next →' }).click();
	await expect(page.getByRole('heading', { name: /Step 3 of 4/ })).toBeVisible();
	const lnxsu11 = sim(page).getByRole('listitem', { name: /^ITSOSSI5/ });
	await expect(lnxsu11).toContainText('LNXSU11');
	await predict(page, 'On ITSOSSI6, still running');
	await runStep(page);
	await expect(verdictHeading(page, 'Correct')).toBeVisible();
	await expect(sim(page).getByRole('listitem', { name: /^ITSOSSI6/ })).toContainText('LNXSU11');
	await expect(elapsed(page)).toHaveText('0:19.000 elapsed');

	// Back: the simulation is exactly at step 2's start again, LNXSU11 home on ITSOSSI5.
	await page.getByRole('button', { name: '← Back' }).click();
	await expect(page.getByRole('heading', { name: /Step 2 of 4/ })).toBeVisible();
	await expect(elapsed(page)).toHaveText('0:06.000 elapsed');
	await expect(sim(page).getByRole('listitem', { name: /^ITSOSSI5/ })).toContainText('LNXSU11');
	// Its saved prediction is restored, the verdict waits for a new run.
	await expect(
		page.getByRole('radio', { name: /Yes, marked as logged on elsewhere/ })
	).toBeChecked();
	await expect(verdictHeading(page, 'Correct')).toHaveCount(0);

	// Forward again, from the step list: step 4 starts where step 3 ends.
	await page
		.getByRole('navigation', { name: 'Steps of this lesson' })
		.getByRole('button', { name: /Service without an outage/ })
		.click();
	await expect(page.getByRole('heading', { name: /Step 4 of 4/ })).toBeVisible();
	await expect(elapsed(page)).toHaveText('0:19.000 elapsed');
	await expect(sim(page).getByRole('listitem', { name: /^ITSOSSI6/ })).toContainText('LNXSU11');
	await predict(page, 'Running on ITSOSSI6');
	await runStep(page);
	await expect(verdictHeading(page, 'Correct')).toBeVisible();
	await expect(sim(page).getByRole('listitem', { name: 'ITSOSSI5: Down' })).toBeVisible();
	await expect(page.getByText('Lesson 1 completed.')).toBeVisible();

	// Reload the list: lesson 1 is completed with its score; the next lesson is offered.
	await page.getByRole('link', { name: 'All lessons' }).last().click();
	await expect(page.getByRole('heading', { level: 1, name: /Learn SSI/ })).toBeVisible();
	await page.reload();
	const card = page.getByRole('listitem').filter({ hasText: 'Lesson 1:' });
	await expect(card).toContainText('Completed (3 of 4 predictions right)');
	await expect(
		page.getByRole('link', { name: /Continue: Member states and cluster modes/ })
	).toBeVisible();
});

test('reopening a lesson resumes at its step; reset asks first, then forgets', async ({ page }) => {
	await page.goto('/learn/member-states-and-cluster-modes/');
	await expect(page.getByRole('heading', { name: /Step 1 of 5/ })).toBeVisible();
	await page.getByRole('button', { name: 'Next →' }).click();
	await page.getByRole('button', { name: 'Next →' }).click();
	await expect(page.getByRole('heading', { name: /Step 3 of 5/ })).toBeVisible();
	await expect(elapsed(page)).toHaveText('0:22.000 elapsed');

	await page.reload();
	await expect(page.getByRole('heading', { name: /Step 3 of 5/ })).toBeVisible();
	await expect(elapsed(page)).toHaveText('0:22.000 elapsed');
	await expect(sim(page).getByRole('listitem', { name: 'ITSOSSI4: Down' })).toBeVisible();

	await page.goto('/learn/');
	await expect(page.getByRole('listitem').filter({ hasText: 'Lesson 2:' })).toContainText(
		'Step 3 of 5'
	);
	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
	await page.getByRole('button', { name: 'Keep it' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'Lesson 2:' })).toContainText(
		'Step 3 of 5'
	);
	await page.getByRole('button', { name: 'Reset progress…' }).click();
	await page.getByRole('button', { name: 'Yes, reset all progress' }).click();
	await expect(page.getByRole('status')).toContainText('Progress reset');
	await expect(page.getByRole('listitem').filter({ hasText: 'Lesson 2:' })).toContainText(
		'Not started'
	);
});

test('a corrupt stored progress is ignored', async ({ page }) => {
	await page.addInitScript(() => window.localStorage.setItem('quiesce-learn-progress', '{broken'));
	await page.goto('/learn/');
	await expect(page.getByRole('listitem').filter({ hasText: 'Lesson 1:' })).toContainText(
		'Not started'
	);
	await page.getByRole('link', { name: /Lesson 1:/ }).click();
	await expect(page.getByRole('heading', { name: /Step 1 of 4/ })).toBeVisible();
});

test('keyboard only: choose a prediction with the arrow keys, run, read the verdict, go on', async ({
	page
}) => {
	await page.goto('/learn/relocation-domains-and-fencing/');
	await expect(page.getByRole('heading', { name: /Step 1 of 5/ })).toBeVisible();
	const ssi = page.getByRole('radio', { name: 'SSI: every member of the cluster' });
	// The choices open once the step's start is loaded.
	await expect(ssi).toBeEnabled();
	await ssi.focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'VMSYS02: its own member only' })).toBeChecked();
	await page.keyboard.press('ArrowUp');
	await expect(page.getByRole('radio', { name: 'SSI: every member of the cluster' })).toBeChecked();
	// Tab leaves the radio group for Back (disabled on step 1, so skipped), then Run.
	await page.keyboard.press('Tab');
	const run = page.getByRole('button', { name: 'Run this step' });
	await expect(run).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Correct', exact: true })).toBeVisible({
		timeout: 15_000
	});
	await expect(page.getByRole('status')).toContainText('Correct. You predicted: SSI');
	await page.getByRole('button', { name: 'Next →' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: /Step 2 of 5/ })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Step 2 of 5: Into domain X');
	// A step chosen from the step list takes the focus to its heading.
	await page
		.getByRole('navigation', { name: 'Steps of this lesson' })
		.getByRole('button', { name: /Forcing both/ })
		.press('Enter');
	await expect(page.getByRole('heading', { name: /Step 5 of 5/ })).toBeFocused();
});
