// Live guest relocation in the lab, driven the way a new user drives it: a VMRELOCATE MOVE typed
// on a member's console, then watching the Relocations panel, the member cards and the page map
// while the simulation plays. The figures the engine computes (pass counts, pages, times) are
// never written down here: the tests check that they move the right way and read the strings.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { clock, member, mode, relocations, setSpeed, typeCommand } from './lab-page';

/** What STATUS prints while a relocation runs, and the outcomes once it has ended. */
const STATUS = /^(Creating Skel|Moving Memory|Moving Guest|Final Mem Copy|Resuming|Cleaning Up)$/;
const OUTCOME = /^(relocated|cancelled|terminated|rejected)$/;

/** One relocation's card in the panel, by the guest and the two members. */
function relocationCard(page: Page, user: string, from: string, to: string): Locator {
	return relocations(page).getByRole('article', { name: `${user} ${from} → ${to}` });
}

/** What the card says now: its status (or outcome), its pass number and pages sent. */
async function readCard(card: Locator) {
	const status = (await card.getByText(STATUS).or(card.getByText(OUTCOME)).textContent()) ?? '';
	const counts = (await card.getByText(/ pages sent$/).textContent()) ?? '';
	const running = /^pass (\d+) · ([\d,]+) pages sent$/.exec(counts);
	const ended = /^(\d+) pass(?:es)? · ([\d,]+) pages sent$/.exec(counts);
	const m = running ?? ended;
	return {
		status,
		pass: m ? Number(m[1]) : NaN,
		passesDone: ended ? Number(ended[1]) : null,
		sent: m ? Number(m[2]!.replaceAll(',', '')) : NaN
	};
}

test('a VMRELOCATE MOVE typed on the console moves the guest live, pass by pass, while the page stays responsive', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/?scenario=itsossia');
	await expect(mode(page, 'Stable')).toBeVisible();
	await expect(relocations(page).getByText(/No relocation yet/)).toBeVisible();
	await expect(member(page, 'ITSOSSI1').getByText('ITSOLNX1', { exact: true })).toBeVisible();
	await expect(member(page, 'ITSOSSI2').getByText('ITSOLNX1', { exact: true })).toHaveCount(0);

	await setSpeed(page, '5');
	await typeCommand(page, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2');
	const output = page.getByRole('log', { name: 'Console output of ITSOSSI1' });
	await expect(output).toContainText('Relocation of ITSOLNX1 from ITSOSSI1 to ITSOSSI2 started');

	// The panel shows the relocation as STATUS reads, with its pass and the pages sent so far.
	const card = relocationCard(page, 'ITSOLNX1', 'ITSOSSI1', 'ITSOSSI2');
	await expect(card.getByText('Moving Memory', { exact: true })).toBeVisible();
	await expect(card.getByText(/^pass \d+ · [\d,]+ pages sent$/)).toBeVisible();
	await expect(card.getByRole('progressbar')).toBeVisible();
	await expect(card.getByRole('list', { name: /^Phases of relocation/ })).toContainText(
		'Final Mem Copy'
	);
	const first = await readCard(card);
	// The guest is on both members: leaving the source, arriving on the destination.
	await expect(
		member(page, 'ITSOSSI1').getByText('leaving for ITSOSSI2 · Moving Memory')
	).toBeVisible();
	await expect(
		member(page, 'ITSOSSI2').getByText('arriving from ITSOSSI1 · Moving Memory')
	).toBeVisible();
	// The page map of the transfer, with its counts in words.
	const map = relocations(page).getByRole('img', {
		name: /^Page map of ITSOLNX1, [\d,]+ pages, pass \d+:/
	});
	await expect(map).toBeVisible();
	await expect(relocations(page).getByRole('list', { name: 'Page map legend' })).toContainText(
		'In this pass'
	);

	// Typing on the console works while the relocation runs: STATUS answers with the same string.
	await typeCommand(page, 'ITSOSSI1', 'vmrelocate status itsolnx1');
	await expect(output).toContainText('› vmrelocate status itsolnx1');
	await expect(output).toContainText(/ITSOLNX1 ITSOSSI1 ITSOSSI2 \S+\s+Moving Memory/);

	// The counts move on while it plays.
	await expect.poll(async () => (await readCard(card)).sent).toBeGreaterThan(first.sent);

	// Pause answers at once, and the clock and the transfer stand still.
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 1_000 });
	const stopped = await clock(page).textContent();
	const frozen = await readCard(card);
	await page.waitForTimeout(700);
	await expect(clock(page)).toHaveText(stopped ?? '');
	expect((await readCard(card)).sent).toBe(frozen.sent);
	expect(frozen.status).toBe('Moving Memory');

	// Play to the end, reading the card as it goes.
	await page.getByRole('button', { name: 'Play' }).click();
	const seen: Awaited<ReturnType<typeof readCard>>[] = [];
	await expect
		.poll(
			async () => {
				const r = await readCard(card);
				seen.push(r);
				return r.status;
			},
			{ timeout: 60_000, intervals: [100] }
		)
		.toBe('relocated');

	// Pages sent never went back; pass numbers and STATUS strings only went forward.
	const order = [
		'Creating Skel',
		'Moving Memory',
		'Moving Guest',
		'Final Mem Copy',
		'Resuming',
		'Cleaning Up',
		'relocated'
	];
	for (let i = 1; i < seen.length; i++) {
		expect(seen[i]!.sent).toBeGreaterThanOrEqual(seen[i - 1]!.sent);
		expect(seen[i]!.pass).toBeGreaterThanOrEqual(seen[i - 1]!.pass);
		expect(order.indexOf(seen[i]!.status)).toBeGreaterThanOrEqual(
			order.indexOf(seen[i - 1]!.status)
		);
	}
	// It took more passes than the first one.
	const end = await readCard(card);
	expect(end.passesDone).toBeGreaterThan(first.pass);
	await card.getByText(/^Passes \(\d+ done\)$/).click();
	await expect(card.getByRole('table')).toContainText('quiesced');

	// Only the destination lists the guest now, disconnected as before.
	await expect(member(page, 'ITSOSSI1').getByText('ITSOLNX1', { exact: true })).toHaveCount(0);
	const arrived = member(page, 'ITSOSSI2').getByRole('listitem').filter({ hasText: 'ITSOLNX1' });
	await expect(arrived.getByText('DSC', { exact: true })).toBeVisible();
	await expect(arrived).not.toContainText(/arriv|leaving/);
	// Settled there: it can be relocated again.
	await expect(
		arrived.getByRole('button', { name: 'Relocate ITSOLNX1', exact: true })
	).toBeVisible();
	await expect(
		card.getByText('User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2')
	).toBeVisible();
	await expect(output).toContainText('User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2');
	// The live region told the outcome (once: it narrates changes, not frames).
	await expect(page.getByRole('status')).toContainText(
		'ITSOLNX1 relocated from ITSOSSI1 to ITSOSSI2'
	);
	// The last page map stays, marked as over.
	await expect(relocations(page).getByText('Transfer over:')).toBeVisible();
});

test('a relocation that exceeds MAXQUIESCE is cancelled and the guest stays on the source', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.goto('/?scenario=a17-maxquiesce');
	await setSpeed(page, '10');
	// The scenario's script issues the MOVE (000 App. A.1.7) a few seconds in.
	const card = relocationCard(page, 'LNXSU11', 'ITSOSSI5', 'ITSOSSI6');
	await expect(card.getByText('Moving Memory', { exact: true })).toBeVisible({ timeout: 20_000 });
	await expect(
		member(page, 'ITSOSSI6').getByText('arriving from ITSOSSI5 · Moving Memory')
	).toBeVisible();
	await expect(card.getByText('cancelled', { exact: true })).toBeVisible({ timeout: 60_000 });
	await expect(card.getByRole('list', { name: /^CP messages/ })).toContainText(
		'The maximum quiesce time was exceeded'
	);
	await expect(card.getByText(/MAXQUIESCE 3 sec/)).toBeVisible();
	await expect(member(page, 'ITSOSSI5').getByText('LNXSU11', { exact: true })).toBeVisible();
	await expect(member(page, 'ITSOSSI6').getByText('LNXSU11', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('status')).toContainText('keeps running on ITSOSSI5');
});

test('the page map can be chosen from the keyboard when two relocations run', async ({ page }) => {
	test.setTimeout(60_000);
	await page.goto('/?scenario=itsossia');
	await expect(mode(page, 'Stable')).toBeVisible();
	await page.getByRole('button', { name: 'Pause' }).click();
	await typeCommand(page, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2 async');
	await typeCommand(page, 'ITSOSSI3', 'vmrelocate move itsolnx3 to itsossi4 async');
	await page.getByRole('button', { name: '+10 s' }).click();
	const map = (user: string) =>
		relocations(page).getByRole('img', { name: new RegExp(`^Page map of ${user},`) });
	// By default, the latest relocation moving memory.
	await expect(map('ITSOLNX3')).toBeVisible();
	const show = page.getByLabel('Show', { exact: true });
	await show.focus();
	await show.selectOption({ label: 'ITSOLNX1 (ITSOSSI1 → ITSOSSI2)' });
	await expect(map('ITSOLNX1')).toBeVisible();
	await expect(map('ITSOLNX3')).toHaveCount(0);
	await show.selectOption({ label: 'latest moving memory' });
	await expect(map('ITSOLNX3')).toBeVisible();
});
