// Direct manipulation in the lab, as a new user does it (issue 4, "Interaction"): drag a guest
// onto another member (the lab runs VMRELOCATE TEST, then MOVE, on the guest's console, or
// shows the TEST's reasons), the same from a guest's Relocate menu by keyboard, faults by
// clicking the parts of the topology, and a link's CTC count and a guest's workload changed
// while the simulation runs. Roles, labels and visible text only.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { events, member, openLab, relocations, setSpeed } from './lab-page';

const topologyItem = (page: Page, name: string | RegExp) =>
	page.getByRole('group', { name: /^Topology of SSI cluster / }).getByRole('button', { name });

/** The drag handle of a guest on a member card: its name. */
function guest(page: Page, on: string, user: string): Locator {
	return member(page, on).getByText(user, { exact: true });
}

/** A guest's line on a member card. */
function guestRow(page: Page, on: string, user: string): Locator {
	return member(page, on).getByRole('listitem').filter({ hasText: user });
}

test('dragging a guest onto another member tests it, moves it, and it ends up on the destination', async ({
	page
}) => {
	test.setTimeout(60_000);
	await openLab(page, '?scenario=itsossia');
	await setSpeed(page, '100');
	await guest(page, 'ITSOSSI1', 'ITSOLNX1').dragTo(member(page, 'ITSOSSI2'));

	// The lab typed the TEST, and then the MOVE, on the guest's own member.
	const console1 = page.getByRole('log', { name: 'Console output of ITSOSSI1' });
	await expect(console1).toContainText('VMRELOCATE TEST USER ITSOLNX1 TO ITSOSSI2');
	await expect(console1).toContainText('User ITSOLNX1 is eligible for relocation to ITSOSSI2');
	await expect(console1).toContainText('VMRELOCATE MOVE USER ITSOLNX1 TO ITSOSSI2');
	await expect(console1).toContainText('Relocation of ITSOLNX1 from ITSOSSI1 to ITSOSSI2 started');
	await expect(
		relocations(page).getByRole('article', { name: 'ITSOLNX1 ITSOSSI1 → ITSOSSI2' })
	).toBeVisible();

	// It completes: the guest runs disconnected on ITSOSSI2 and is gone from ITSOSSI1.
	await expect(console1).toContainText(
		'User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2',
		{
			timeout: 30_000
		}
	);
	const moved = guestRow(page, 'ITSOSSI2', 'ITSOLNX1');
	await expect(moved.getByText('DSC', { exact: true })).toBeVisible({ timeout: 20_000 });
	await expect(moved).not.toContainText('arriv');
	await expect(guestRow(page, 'ITSOSSI1', 'ITSOLNX1')).toHaveCount(0, { timeout: 20_000 });
	// And it was recorded like any typed command: in the event log.
	await expect(events(page)).toContainText(
		'ITSOSSI1 OPERATOR: VMRELOCATE MOVE USER ITSOLNX1 TO ITSOSSI2'
	);
});

test('a guest dropped on a member in the topology relocates there too', async ({ page }) => {
	await openLab(page, '?scenario=itsossia');
	await setSpeed(page, '5');
	await guest(page, 'ITSOSSI2', 'ITSOLNX2').dragTo(topologyItem(page, /^Member ITSOSSI4 /));
	await expect(
		relocations(page).getByRole('article', { name: 'ITSOLNX2 ITSOSSI2 → ITSOSSI4' })
	).toBeVisible();
	await expect(
		guestRow(page, 'ITSOSSI4', 'ITSOLNX2').getByText(/^arriving from ITSOSSI2 · /)
	).toBeVisible();
});

test('during a drag every member says whether it takes the guest; an ineligible guest shows its reasons', async ({
	page
}) => {
	await openLab(page, '?scenario=a14-cms-guest');
	await page.getByRole('button', { name: 'Crash ITSOSSI3 (abend)' }).click();
	await expect(member(page, 'ITSOSSI3').getByText('State Down', { exact: true })).toBeVisible();
	// Held still, so that no other change takes the status line meanwhile.
	await page.getByRole('button', { name: 'Pause', exact: true }).click();

	// Press on VMLOGS and move without letting go: the targets light up and say why not.
	const handle = guest(page, 'ITSOSSI4', 'VMLOGS');
	await handle.hover();
	await page.mouse.down();
	const box = (await member(page, 'ITSOSSI3').boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
	await expect(member(page, 'ITSOSSI2')).toContainText('Drop to relocate VMLOGS here');
	await expect(member(page, 'ITSOSSI4')).toContainText('✕ Not here: already on ITSOSSI4');
	await expect(member(page, 'ITSOSSI3')).toContainText('✕ Not here: ITSOSSI3 is down');
	await expect(topologyItem(page, /^Member ITSOSSI3 /)).toContainText('✕ ITSOSSI3 is down');
	// Let go over the down member: nothing is typed.
	await page.mouse.up();
	await expect(page.getByRole('status')).toHaveText('VMLOGS not relocated: ITSOSSI3 is down.');
	await expect(member(page, 'ITSOSSI2')).not.toContainText('Drop to relocate');

	// Now onto ITSOSSI2: the TEST refuses, and a dialog shows CP's reasons (000 App. A.1.4).
	await handle.dragTo(member(page, 'ITSOSSI2'));
	const dialog = page.getByRole('dialog', { name: 'VMLOGS cannot relocate to ITSOSSI2' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('VMRELOCATE TEST USER VMLOGS TO ITSOSSI2');
	await expect(dialog).toContainText(
		'HCPRLH1940E VMLOGS is not relocatable for the following reason(s):'
	);
	await expect(dialog).toContainText('HCPRLE1963I VMLOGS: Virtual machine is using VMCF');
	await expect(dialog).toContainText(
		'HCPRLL1980I VMLOGS: An identical NSS or DCSS CMS does not exist on the destination system'
	);
	await expect(page.getByRole('status')).toHaveText(
		/^VMLOGS cannot relocate to ITSOSSI2: \d+ reasons\.$/
	);
	// No MOVE was issued: the guest stays where it was.
	await expect(relocations(page).getByText(/No relocation yet/)).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(
		guestRow(page, 'ITSOSSI4', 'VMLOGS').getByText('DSC', { exact: true })
	).toBeVisible();
});

test('from the keyboard: a guest’s Relocate menu lists the other members and relocates to the one chosen', async ({
	page
}) => {
	test.setTimeout(60_000);
	await openLab(page, '?scenario=itsossia');
	await setSpeed(page, '100');
	const button = page.getByRole('button', { name: 'Relocate ITSOLNX3', exact: true });
	await button.focus();
	await page.keyboard.press('Enter');
	const menu = page.getByRole('menu', { name: 'Relocate ITSOLNX3 from ITSOSSI3' });
	await expect(menu).toBeVisible();
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await expect(menu.getByRole('menuitem')).toHaveText([
		/^to ITSOSSI1/,
		/^to ITSOSSI2/,
		/^to ITSOSSI4/
	]);
	await expect(menu.getByRole('menuitem', { name: /^to ITSOSSI1/ })).toBeFocused();
	// Escape closes it and gives the focus back.
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();
	await expect(button).toBeFocused();
	// Open with the arrow key this time, go to the last item, choose it.
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('End');
	await expect(menu.getByRole('menuitem', { name: /^to ITSOSSI4/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(menu).toBeHidden();
	await page.getByLabel('Member', { exact: true }).selectOption('ITSOSSI3');
	const console3 = page.getByRole('log', { name: 'Console output of ITSOSSI3' });
	await expect(console3).toContainText('VMRELOCATE MOVE USER ITSOLNX3 TO ITSOSSI4');
	await expect(
		guestRow(page, 'ITSOSSI4', 'ITSOLNX3').getByText('DSC', { exact: true })
	).toBeVisible({ timeout: 30_000 });
	await expect(guestRow(page, 'ITSOSSI3', 'ITSOLNX3')).toHaveCount(0, { timeout: 20_000 });
});

test('a down member is offered in the Relocate menu but cannot be chosen, and says why', async ({
	page
}) => {
	await openLab(page, '?scenario=itsossib');
	await page.getByRole('button', { name: 'Crash ITSOSSI6 (abend)' }).click();
	await expect(member(page, 'ITSOSSI6').getByText('State Down', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Relocate LNXSU11', exact: true }).click();
	const item = page
		.getByRole('menu', { name: 'Relocate LNXSU11 from ITSOSSI5' })
		.getByRole('menuitem', { name: /^to ITSOSSI6/ });
	await expect(item).toHaveAttribute('aria-disabled', 'true');
	await expect(item).toContainText('ITSOSSI6 is down');
	// Playwright will not click what is unavailable; a user can still press Enter on it.
	await item.press('Enter');
	await expect(item).toBeVisible();
	await expect(page.getByRole('log', { name: 'Console output of ITSOSSI5' })).not.toContainText(
		'VMRELOCATE TEST'
	);
});

test('clicking a CTC, then a CHPID, in the topology fails it and the link capacity drops', async ({
	page
}) => {
	await openLab(page, '?scenario=itsossib');
	const card = page.getByRole('article', { name: 'ITSOSSI5–ITSOSSI6' });
	await expect(card.getByText('700 MB/s', { exact: true })).toBeVisible();

	await topologyItem(page, /^CTC 4A61 on CHPID 40 of ITSOSSI5–ITSOSSI6 \(working/).click();
	const menu = page.getByRole('menu', { name: 'CTC 4A61 of ITSOSSI5–ITSOSSI6' });
	const fail = menu.getByRole('menuitem', { name: /^Fail CTC 4A61/ });
	await expect(fail).toContainText('link capacity 700 → 600 MB/s');
	await fail.click();
	await expect(menu).toBeHidden();
	await expect(card.getByText('600 MB/s', { exact: true })).toBeVisible();
	await expect(card.getByText('Degraded', { exact: true })).toBeVisible();
	await expect(
		topologyItem(page, /^CTC 4A61 on CHPID 40 of ITSOSSI5–ITSOSSI6 \(failed/)
	).toBeVisible();
	await expect(topologyItem(page, /^Link ITSOSSI5–ITSOSSI6 \(Degraded, 600 MB\/s/)).toBeVisible();

	await topologyItem(page, /^CHPID 50 of ITSOSSI5–ITSOSSI6/).click();
	await page.getByRole('menuitem', { name: /^Fail CHPID 50/ }).click();
	// CHPID 40 alone, with three working devices, two written: 200 MB/s.
	await expect(card.getByText('200 MB/s', { exact: true })).toBeVisible();
	await expect(events(page)).toContainText('CHPID 50 of link ITSOSSI5-ITSOSSI6 failed');
});

test('the topology is one Tab stop: arrow keys move between its parts, Enter opens a part’s menu', async ({
	page
}) => {
	await openLab(page, '?scenario=itsossib');
	await page.getByRole('button', { name: 'Pause', exact: true }).click();
	const first = topologyItem(page, /^Member ITSOSSI5 /);
	await first.focus();
	await expect(first).toHaveAttribute('tabindex', '0');
	await page.keyboard.press('ArrowRight');
	const second = topologyItem(page, /^Member ITSOSSI6 /);
	await expect(second).toBeFocused();
	await expect(second).toHaveAttribute('tabindex', '0');
	await expect(first).toHaveAttribute('tabindex', '-1');
	await page.keyboard.press('ArrowRight');
	await expect(topologyItem(page, /^Link ITSOSSI5–ITSOSSI6 /)).toBeFocused();
	await page.keyboard.press('Enter');
	const cut = page.getByRole('menuitem', { name: /^Cut link ITSOSSI5–ITSOSSI6/ });
	await expect(cut).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('article', { name: 'ITSOSSI5–ITSOSSI6' })).toContainText(
		'Down (cut)'
	);
	// The focus is back on the link, whose menu now offers the repair.
	const link = topologyItem(page, /^Link ITSOSSI5–ITSOSSI6 \(Down \(cut\)/);
	await expect(link).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('Enter');
	await expect(
		page.getByRole('article', { name: 'ITSOSSI5–ITSOSSI6' }).getByText('Up', { exact: true })
	).toBeVisible();
	// A member's menu: the abend.
	await page.keyboard.press('Home');
	await page.keyboard.press('Enter');
	await page.getByRole('menuitem', { name: /^Abend ITSOSSI5/ }).press('Enter');
	await expect(member(page, 'ITSOSSI5').getByText('State Down', { exact: true })).toBeVisible();
});

test('while a relocation runs: more CTCs carry more, and the guest’s workload changes', async ({
	page
}) => {
	test.setTimeout(60_000);
	await openLab(page, '?scenario=itsossib');
	// Slowly: the 4 GiB guest takes about 6 simulated seconds, 24 s here, to move.
	await setSpeed(page, '0.25');
	const card = page.getByRole('article', { name: 'ITSOSSI5–ITSOSSI6' });
	await expect(card).toContainText('No memory moving');
	await page.getByRole('button', { name: 'Relocate LNXSU11', exact: true }).click();
	await page.getByRole('menuitem', { name: /^to ITSOSSI6/ }).click();
	// 8 CTCs on 2 CHPIDs, 7 written: 700 MB/s in use.
	await expect(card.getByText('ITSOSSI5 → ITSOSSI6: 700 MB/s in use')).toBeVisible({
		timeout: 10_000
	});
	await expect(
		topologyItem(page, /^Link ITSOSSI5–ITSOSSI6 \(Up, 700 MB\/s, → 700 MB\/s\)/)
	).toBeVisible();

	// The workload, mid-flight: the select follows, and the log says so.
	const workload = page.getByLabel('Workload of LNXSU11 on ITSOSSI5', { exact: true });
	await expect(workload).toHaveValue('idle');
	await workload.selectOption('database');
	await expect(events(page)).toContainText('LNXSU11 on ITSOSSI5: workload idle → database');
	await expect(workload).toHaveValue('database');

	// One more CTC on each CHPID: 10 devices, 8 written, both CHPIDs full: 800 MB/s.
	await card.getByRole('button', { name: 'One CTC more on CHPID 40 of ITSOSSI5–ITSOSSI6' }).click();
	await expect(
		card
			.getByRole('group', { name: 'CTC devices on CHPID 40 of ITSOSSI5–ITSOSSI6' })
			.getByText('5', { exact: true })
	).toBeVisible();
	await card.getByRole('button', { name: 'One CTC more on CHPID 50 of ITSOSSI5–ITSOSSI6' }).click();
	await expect(card).toContainText('10 of 10 CTCs working on 2 CHPIDs');
	await expect(card).toContainText('800 MB/s of 800 MB/s');
	await expect(card.getByText('ITSOSSI5 → ITSOSSI6: 800 MB/s in use')).toBeVisible({
		timeout: 10_000
	});
	await expect(events(page)).toContainText(
		'Link ITSOSSI5-ITSOSSI6 CHPID 50: 4 → 5 CTCs (added 4A84)'
	);
	// And the new devices are in the topology, operable like the others.
	await expect(topologyItem(page, /^CTC 4A84 on CHPID 50 of ITSOSSI5–ITSOSSI6/)).toBeVisible();

	// Down to one device on CHPID 50: the button to go lower says why it cannot.
	const fewer = card.getByRole('button', {
		name: /^One CTC fewer on CHPID 50 of ITSOSSI5–ITSOSSI6/
	});
	for (let n = 5; n > 1; n--) {
		await fewer.click();
		await expect(
			card
				.getByRole('group', { name: 'CTC devices on CHPID 50 of ITSOSSI5–ITSOSSI6' })
				.getByText(String(n - 1), { exact: true })
		).toBeVisible();
	}
	await expect(fewer).toHaveAttribute('aria-disabled', 'true');
	await expect(fewer).toHaveAccessibleName(/a CHPID keeps at least one CTC/);
});

test('under prefers-reduced-motion the traffic holds still but still shows its rate', async ({
	page
}) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openLab(page, '?scenario=itsossib');
	await page.getByRole('button', { name: 'Relocate LNXSU11', exact: true }).click();
	await page.getByRole('menuitem', { name: /^to ITSOSSI6/ }).click();
	const flow = page.locator('svg.topology path.flow');
	await expect(flow).toHaveCount(1, { timeout: 10_000 });
	expect(await flow.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
	// The static measure: the thickness of the flow and the figure in the label.
	expect(parseFloat(await flow.evaluate((el) => getComputedStyle(el).strokeWidth))).toBeGreaterThan(
		5
	);
	await expect(page.locator('svg.topology').getByText('→ 700 MB/s')).toBeVisible();
});
