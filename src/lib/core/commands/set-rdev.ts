/**
 * SET RDEVICE rdev[-rdev] ... [EQID eqid | NOEQID] TYPE type: the dynamic form of SYSTEM CONFIG
 * RDEVICE (000 App. A.1.5, Examples; App. B Table B-1):
 *
 *     set rdev 2126-2128 eqid osa1set1 type osa
 *     HCPZRP6722I Characteristics of device 2126 were set as requested.
 *     ...
 *     3 RDEV(s) specified; 3 RDEV(s) changed; 0 RDEV(s) created
 *
 * (The book's OCR prints "O RDEV(s) created"; it is 0.) "To change the characteristics of any
 * real device, it must be offline" (000 A.1.5): an online device is refused. The EQID is 1-8
 * letters and digits, and for CTCA, FCP, HiperSockets and OSA devices "must be unique or shared
 * only by other devices of the same type" (Table B-1). NOEQID reverts to CP's system-generated
 * EQID, which relates the device to no other member's. Each invocation defines the device
 * afresh: without EQID it gets CP's own, as with NOEQID. A device number the member has no
 * device at gets an RDEV, counted as created, which stays offline (nothing answers there).
 */
import { deviceState, devicesWithEqid, realDevice, setRdevClass } from '../model/member-resources';
import type { CommandContext } from './context';
import { hex4, leadingRanges, numbersOf } from './device-operands';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

/** TYPE operands and the device type the model keeps (000 §3.7, Table B-1). */
const TYPES: { keyword: ReturnType<typeof kw>; type: string }[] = [
	{ keyword: kw('OSA'), type: 'OSA' },
	{ keyword: kw('HIPERsockets'), type: 'HIPERSOCKETS' },
	{ keyword: kw('FCP'), type: 'FCP' },
	{ keyword: kw('CTCA'), type: 'CTC' }
];

const EQID = /^[A-Za-z0-9]{1,8}$/;

/** The characteristics the operands give, or the CP error for a bad operand. */
function characteristics(words: string[]): { type: string; eqid: string | null } | CommandOutput {
	let type: string | undefined;
	let eqid: string | null = null;
	let eqidGiven = false;
	for (let i = 0; i < words.length; i++) {
		const w = words[i]!;
		if (matches(w, kw('NOEQid'))) {
			if (eqidGiven) return HCP.invalidOption(w);
			eqidGiven = true;
		} else if (matches(w, kw('EQid'))) {
			const v = words[++i];
			if (v === undefined) return HCP.missingOperand();
			if (eqidGiven || !EQID.test(v)) return HCP.invalidOption(v);
			eqid = v.toUpperCase();
			eqidGiven = true;
		} else if (matches(w, kw('TYPE'))) {
			const v = words[++i];
			if (v === undefined) return HCP.missingOperand();
			const t = TYPES.find((x) => matches(v, x.keyword));
			if (!t || type !== undefined) return HCP.invalidOption(v);
			type = t.type;
		} else return HCP.invalidOption(w);
	}
	if (type === undefined) return HCP.missingOperand();
	return { type, eqid };
}

/** SET RDEVICE (see the module comment). */
export function setRdev(ctx: CommandContext, args: string[]): CommandOutput {
	const parsed = leadingRanges(args);
	if ('lines' in parsed) return parsed;
	const ch = characteristics(parsed.rest);
	if ('lines' in ch) return ch;
	const res = ctx.on.resources;
	const numbers = numbersOf(parsed.ranges);
	if (ch.eqid !== null) {
		const clash = devicesWithEqid(res, ch.eqid).find(
			(d) => d.type !== ch.type && !numbers.includes(d.rdev)
		);
		if (clash)
			return fail(
				8,
				`EQID ${ch.eqid} is the EQID of ${clash.type ?? 'another'} device ${clash.rdev}: an EQID is shared only by devices of the same type`
			);
	}
	const lines: string[] = [];
	let changed = 0;
	let created = 0;
	const done: number[] = [];
	for (const rdev of numbers) {
		const d = realDevice(res, rdev);
		if (d.exists && d.online) {
			lines.push(`Device ${rdev} is online: vary it offline before changing its characteristics`);
			continue;
		}
		lines.push(`HCPZRP6722I Characteristics of device ${rdev} were set as requested.`);
		if (d.exists) changed++;
		else {
			// A new RDEV for a device number with no device behind it is not operational.
			deviceState(res, rdev).online = false;
			created++;
		}
		done.push(parseInt(rdev, 16));
	}
	// One class a run of consecutive devices, as an RDEVICE statement would give them.
	for (let i = 0; i < done.length;) {
		let j = i;
		while (j + 1 < done.length && done[j + 1] === done[j]! + 1) j++;
		setRdevClass(res, hex4(done[i]!), hex4(done[j]!), ch.type, ch.eqid);
		i = j + 1;
	}
	lines.push(
		`${numbers.length} RDEV(s) specified; ${changed} RDEV(s) changed; ${created} RDEV(s) created`
	);
	return changed + created < numbers.length ? fail(8, ...lines) : ok(...lines);
}
